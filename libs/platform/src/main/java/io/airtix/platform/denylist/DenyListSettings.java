package io.airtix.platform.denylist;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long and where banned users and ended sessions are remembered.
 *
 * @param enabled off only for services that accept no user tokens
 * @param accessTokenLifetime the longest an access token of the realm lives (Keycloak's {@code
 *     accessTokenLifespan}); an entry is kept this long plus the token validation's clock skew
 *     after the event, then no token it could refuse is valid anyway
 * @param keyPrefix Redis keys of the durable copy start with it
 * @param store how the durable copy in Redis is written and read
 */
@ConfigurationProperties("airtix.deny-list")
public record DenyListSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5m") Duration accessTokenLifetime,
    @DefaultValue("airtix:deny:") String keyPrefix,
    @DefaultValue Store store) {

  /**
   * The durable copy in Redis (distributed mode).
   *
   * @param refresh how often an instance copies it into memory again, besides at start
   * @param maxAttempts tries of a write Redis refuses before the event goes to the service's
   *     dead-letter queue; with the backoff below, the defaults outlast a Redis outage of about a
   *     quarter of an hour
   * @param initialBackoff the pause before the second try; it doubles up to {@code maxBackoff}
   * @param maxBackoff the longest pause between tries
   */
  public record Store(
      @DefaultValue("30s") Duration refresh,
      @DefaultValue("35") int maxAttempts,
      @DefaultValue("1s") Duration initialBackoff,
      @DefaultValue("30s") Duration maxBackoff) {}
}
