package io.airtix.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, with 403, a WebSocket upgrade from a page of another origin than the gateway's own
 * ({@link WebSocketOriginSettings}), before it is routed (decision 0026). A browser opens a
 * WebSocket to any address a page names, without CORS, and sends the cookies it holds for it: only
 * the {@code Origin} it always sends on the handshake tells a foreign page's socket from the apps'.
 * Gateway 5.0.x checks no origin, and a service's own check would come too late: the gateway
 * answers the browser's handshake itself (101) before it opens the socket to the service, so a
 * service can then only close it.
 *
 * <p>A handshake without {@code Origin} comes from no browser (curl, the JDK's WebSocket client, a
 * service): it is let through, as no foreign page can have sent it.
 *
 * <p>Only upgrades are checked. {@code POST /api/live/passes} and the other API calls are
 * authenticated by a bearer token in {@code Authorization}, which a browser never adds by itself: a
 * foreign page cannot send them as the user, so there is no CSRF to stop. Reading an answer, the
 * event stream at {@code /api/live/stream} included, from a foreign page is what CORS already
 * forbids; a WebSocket is the one request CORS leaves alone.
 */
@Component
@EnableConfigurationProperties(WebSocketOriginSettings.class)
class WebSocketOrigins implements WebFilter, Ordered {

  private final WebSocketOriginSettings settings;

  WebSocketOrigins(WebSocketOriginSettings settings) {
    this.settings = settings;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    if (!isWebSocketUpgrade(headers)) {
      return chain.filter(exchange);
    }
    Optional<String> foreign =
        originsOf(headers).stream().filter(origin -> !settings.allows(origin)).findFirst();
    if (foreign.isEmpty()) {
      return chain.filter(exchange);
    }
    return GatewayErrors.write(exchange, foreignOrigin(foreign.get()));
  }

  /**
   * Any {@code Upgrade} naming {@code websocket}, in any case, alone or in a list: wider than what
   * the gateway proxies as a WebSocket (a first {@code Upgrade} value of {@code websocket} in any
   * case), so that no spelling is proxied as one without being checked.
   */
  private static boolean isWebSocketUpgrade(HttpHeaders headers) {
    return headers.getOrEmpty(HttpHeaders.UPGRADE).stream()
        .flatMap(value -> List.of(StringUtils.tokenizeToStringArray(value, ",")).stream())
        .anyMatch(protocol -> protocol.toLowerCase(Locale.ROOT).startsWith("websocket"));
  }

  /**
   * Every {@code Origin} the handshake carries, and {@code Sec-WebSocket-Origin}, which the drafts
   * before RFC 6455 sent instead and Netty still accepts; each must be allowed.
   */
  private static List<String> originsOf(HttpHeaders headers) {
    return Stream.concat(
            headers.getOrEmpty(HttpHeaders.ORIGIN).stream(),
            headers.getOrEmpty("Sec-WebSocket-Origin").stream())
        .toList();
  }

  private static Problem foreignOrigin(String origin) {
    // the origin is named only as it parses: a header's raw text is not written back
    String named =
        WebSocketOriginSettings.serialized(origin)
            .map(serialized -> "The origin " + serialized)
            .orElse("The request's origin");
    return Problem.of(
        HttpStatus.FORBIDDEN, named + " is not allowed to open a WebSocket through the gateway.");
  }

  @Override
  public int getOrder() {
    // after the security headers, so that the refusal carries them; before anything is routed
    return Ordered.HIGHEST_PRECEDENCE + 5;
  }
}
