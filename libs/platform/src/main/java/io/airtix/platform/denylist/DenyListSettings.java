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
 * @param keyPrefix Redis keys of the deny-list start with it
 */
@ConfigurationProperties("airtix.deny-list")
public record DenyListSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5m") Duration accessTokenLifetime,
    @DefaultValue("airtix:deny:") String keyPrefix) {}
