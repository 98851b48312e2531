package io.airtix.gateway.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which pages may open a WebSocket through the gateway: those served from one of {@code
 * allowedOrigins}, the gateway's own public origins, e.g. {@code
 * airtix.gateway.allowed-origins=https://airtix.io}. An origin is compared as browsers send it (RFC
 * 6454): scheme and host in any case, the default port written or not.
 *
 * @param allowedOrigins origins as {@code scheme://host[:port]}, {@code http} or {@code https},
 *     without a path; kept as RFC 6454 serializes them
 */
@ConfigurationProperties("airtix.gateway")
record WebSocketOriginSettings(
    @DefaultValue({"http://localhost:8080", "http://127.0.0.1:8080"}) List<String> allowedOrigins) {

  WebSocketOriginSettings {
    allowedOrigins =
        allowedOrigins.stream()
            .map(
                origin ->
                    serialized(origin)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "airtix.gateway.allowed-origins holds '"
                                        + origin
                                        + "': an origin is http or https, a host and an optional"
                                        + " port, without a path or a wildcard, e.g."
                                        + " https://airtix.io or http://localhost:8080")))
            .distinct()
            .toList();
  }

  /** Whether a page of this origin, as an {@code Origin} header names it, may open a WebSocket. */
  boolean allows(String origin) {
    return serialized(origin).filter(allowedOrigins::contains).isPresent();
  }

  /**
   * The origin as RFC 6454 serializes it ({@code http://localhost:8080}, lower case, no default
   * port), or nothing for what is no http(s) origin: {@code null} (a sandboxed page, a file), an
   * address with a path, garbage.
   */
  static Optional<String> serialized(String origin) {
    URI uri;
    try {
      uri = new URI(origin.strip());
    } catch (URISyntaxException notAnOrigin) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare =
        uri.getHost() != null
            && uri.getRawUserInfo() == null
            && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null;
    if (!bare || !(scheme.equals("http") || scheme.equals("https"))) {
      return Optional.empty();
    }
    int defaultPort = scheme.equals("http") ? 80 : 443;
    int port = uri.getPort();
    return Optional.of(
        scheme
            + "://"
            + uri.getHost().toLowerCase(Locale.ROOT)
            + (port == -1 || port == defaultPort ? "" : ":" + port));
  }
}
