package io.airtix.live.transport;

import io.airtix.live.caller.Caller;
import io.airtix.live.caller.CallerRefusedException;
import io.airtix.live.caller.Callers;
import io.airtix.live.connection.Connection;
import io.airtix.live.connection.ConnectionRefusedException;
import io.airtix.live.connection.Connections;
import io.airtix.live.connection.Outgoing;
import io.airtix.live.message.MessageJson;
import io.airtix.live.message.MessageTypes;
import io.airtix.live.subscription.Subscription;
import io.airtix.live.subscription.SubscriptionRefusedException;
import io.airtix.live.subscription.SubscriptionRequest;
import io.airtix.live.subscription.Subscriptions;
import io.airtix.platform.problem.ProblemTypes;
import java.net.URI;
import java.util.Map;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;

/**
 * {@code /api/live} as a WebSocket: the connection is opened by {@link LiveSocketService}, which
 * checked the caller before the upgrade; the client then subscribes, and renews its token, with
 * messages of its own. Every answer to a bad message is an {@code error} carrying a problem; the
 * connection stays open.
 */
final class LiveSocket implements WebSocketHandler {

  static final String PATH = "/api/live";

  private final Callers callers;
  private final Subscriptions subscriptions;
  private final Connections connections;
  private final MessageJson json;

  LiveSocket(
      Callers callers, Subscriptions subscriptions, Connections connections, MessageJson json) {
    this.callers = callers;
    this.subscriptions = subscriptions;
    this.connections = connections;
    this.json = json;
  }

  /** Only through {@link LiveSocketService}, which knows the caller. */
  @Override
  public Mono<Void> handle(WebSocketSession session) {
    return session.close(CloseStatus.SERVER_ERROR);
  }

  Mono<Void> handle(WebSocketSession session, Caller caller) {
    Connection connection;
    try {
      connection = connections.open("websocket", caller);
    } catch (ConnectionRefusedException full) {
      // filled up between the handshake's check and now
      return session.close(new CloseStatus(1013, "try again later"));
    }
    connections.tell(
        connection, MessageTypes.WELCOME, LiveStream.welcome(connection, Subscription.NOTHING));
    Mono<Void> output =
        session
            .send(connection.outgoing().map(outgoing -> frame(session, outgoing)))
            .then(Mono.defer(() -> session.close(CloseStatus.NORMAL)));
    Mono<Void> input =
        session
            .receive()
            .filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
            .map(WebSocketMessage::getPayloadAsText)
            // a token check may fetch the realm's keys: never on an event-loop thread
            .publishOn(Schedulers.boundedElastic())
            .doOnNext(text -> answer(connection, text))
            .then();
    return Mono.firstWithSignal(output, input).doFinally(signal -> connections.closed(connection));
  }

  private static WebSocketMessage frame(WebSocketSession session, Outgoing outgoing) {
    if (outgoing.heartbeat()) {
      return session.pingMessage(buffers -> buffers.wrap(new byte[0]));
    }
    return session.textMessage(outgoing.json());
  }

  private void answer(Connection connection, String text) {
    ClientMessage message;
    try {
      message = json.read(text, ClientMessage.class);
    } catch (JacksonException malformed) {
      error(
          connection,
          400,
          ProblemTypes.BAD_REQUEST,
          "The message is not one this service reads: "
              + "{\"type\":\"subscribe\", ...} or {\"type\":\"authenticate\",\"token\":...}");
      return;
    }
    try {
      if (ClientMessage.SUBSCRIBE.equals(message.type())) {
        subscribe(connection, message);
      } else if (ClientMessage.AUTHENTICATE.equals(message.type()) && message.token() != null) {
        authenticate(connection, message.token());
      } else {
        error(
            connection,
            400,
            ProblemTypes.BAD_REQUEST,
            "A message is of type subscribe, or authenticate with a token.");
      }
    } catch (SubscriptionRefusedException refused) {
      error(connection, refused.status(), refused.type(), refused.getMessage());
    } catch (CallerRefusedException refused) {
      error(connection, 401, ProblemTypes.UNAUTHORIZED, refused.getMessage());
    }
  }

  private void subscribe(Connection connection, ClientMessage message) {
    SubscriptionRequest wanted =
        SubscriptionRequest.of(
            ClientMessage.orNone(message.channels()),
            ClientMessage.orNone(message.airline()),
            ClientMessage.orNone(message.ticket()),
            ClientMessage.orNone(message.route()),
            ClientMessage.orNone(message.date()));
    Subscription granted = subscriptions.grant(connection.caller(), wanted);
    connections.tell(connection, MessageTypes.SUBSCRIBED, Map.of("channels", wanted.channels()));
    connections.subscribe(connection, granted, message.after());
  }

  private void authenticate(Connection connection, String token) {
    Caller renewed = callers.fromToken(token);
    Caller current = connection.caller();
    if (!current.anonymous() && !current.person().userId().equals(renewed.person().userId())) {
      throw new CallerRefusedException(
          "The token belongs to someone else than the connection's caller; open a new connection.");
    }
    connections.renew(connection, renewed);
    connections.tell(
        connection, MessageTypes.AUTHENTICATED, Map.of("expiresAt", renewed.expiresAt()));
    // rights may have changed with the new token: the subscription is granted anew, and what is
    // no longer granted stops at once
    try {
      connections.subscribe(
          connection, subscriptions.grant(renewed, connection.subscription().request()), null);
    } catch (SubscriptionRefusedException narrower) {
      connections.subscribe(connection, Subscription.NOTHING, null);
      throw narrower;
    }
  }

  private void error(Connection connection, int status, URI type, String detail) {
    connections.tell(connection, MessageTypes.ERROR, Problems.problem(status, type, detail, PATH));
  }
}
