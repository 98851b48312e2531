package io.airtix.platform.problem;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body a service reads.
 *
 * @param maxBody the limit of every request (JSON APIs)
 * @param paths stricter or looser limits by path pattern, e.g. {@code /api/payments/stripe/webhook:
 *     64KB}; the first matching pattern wins
 */
@ConfigurationProperties("airtix.http")
public record BodyLimitSettings(
    @DefaultValue("256KB") DataSize maxBody, @DefaultValue Map<String, DataSize> paths) {

  private static final AntPathMatcher MATCHER = new AntPathMatcher();

  /** The limit, in bytes, of a request to this path. */
  public long limitFor(String path) {
    return paths.entrySet().stream()
        .filter(entry -> MATCHER.match(entry.getKey(), path))
        .map(entry -> entry.getValue().toBytes())
        .findFirst()
        .orElse(maxBody.toBytes());
  }
}
