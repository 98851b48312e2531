package io.airtix.live.transport;

import io.airtix.live.caller.CallerRefusedException;
import io.airtix.live.connection.Connections;
import io.airtix.platform.problem.ProblemTypes;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks who opens a WebSocket before the upgrade, so a forged, expired or revoked token (or pass)
 * is answered {@code 401} with a problem and no socket is ever opened for it.
 */
final class LiveSocketService extends HandshakeWebSocketService {

  private static final Set<String> PARAMETERS = Set.of("pass");

  /** A client's messages are small: a subscription or a token. */
  static final int MAX_CLIENT_MESSAGE = 16 * 1024;

  private final Handshake handshake;
  private final Connections connections;
  private final JsonMapper json = JsonMapper.builder().build();

  LiveSocketService(Handshake handshake, Connections connections) {
    super(
        new ReactorNettyRequestUpgradeStrategy(
            () -> WebsocketServerSpec.builder().maxFramePayloadLength(MAX_CLIENT_MESSAGE)));
    this.handshake = handshake;
    this.connections = connections;
  }

  @Override
  public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
    Set<String> unknown = Handshake.unknown(exchange.getRequest().getQueryParams(), PARAMETERS);
    if (!unknown.isEmpty()) {
      return refuse(
          exchange,
          400,
          "Unknown parameters "
              + unknown
              + "; a WebSocket takes only a pass, and subscribes with a message");
    }
    if (connections.full()) {
      return refuse(
          exchange,
          503,
          "This instance holds as many live connections as it may; try again shortly.");
    }
    // a token check may fetch the realm's keys: never on an event-loop thread
    return Mono.fromCallable(
            () ->
                handshake.caller(
                    exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION),
                    exchange.getRequest().getQueryParams().getFirst("pass")))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            caller ->
                super.handleRequest(exchange, session -> live(handler).handle(session, caller)))
        .onErrorResume(
            CallerRefusedException.class, refused -> refuse(exchange, 401, refused.getMessage()));
  }

  private static LiveSocket live(WebSocketHandler handler) {
    if (handler instanceof LiveSocket live) {
      return live;
    }
    throw new IllegalStateException("The live socket service serves the live socket only");
  }

  private Mono<Void> refuse(ServerWebExchange exchange, int status, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    response.setRawStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == 401) {
      response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"airtix\"");
    }
    byte[] body =
        json.writeValueAsBytes(
            Problems.problem(
                status,
                ProblemTypes.forStatus(HttpStatusCode.valueOf(status)),
                detail,
                LiveSocket.PATH));
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
