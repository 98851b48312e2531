package io.airtix.gateway.edge;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How large a request body the gateway passes on; the services apply the same limits themselves.
 *
 * @param maxBody the limit of every request (JSON APIs)
 * @param paths other limits by path pattern, e.g. {@code /api/payments/stripe/webhook: 64KB}; the
 *     first matching pattern wins
 */
@ConfigurationProperties("airtix.http")
record BodyLimitSettings(
    @DefaultValue("256KB") DataSize maxBody, @DefaultValue Map<String, DataSize> paths) {

  /** The limit, in bytes, of a request to this path. */
  long limitFor(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return paths.entrySet().stream()
        .filter(entry -> PathPatternParser.defaultInstance.parse(entry.getKey()).matches(container))
        .map(entry -> entry.getValue().toBytes())
        .findFirst()
        .orElse(maxBody.toBytes());
  }
}
