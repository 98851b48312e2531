package io.airtix.live.transport;

import io.airtix.live.caller.Caller;
import io.airtix.live.caller.CallerRefusedException;
import io.airtix.live.connection.Connection;
import io.airtix.live.connection.ConnectionRefusedException;
import io.airtix.live.connection.Connections;
import io.airtix.live.connection.Outgoing;
import io.airtix.live.message.MessageTypes;
import io.airtix.live.subscription.Subscription;
import io.airtix.live.subscription.SubscriptionRefusedException;
import io.airtix.live.subscription.SubscriptionRequest;
import io.airtix.live.subscription.Subscriptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/live/stream}: the live messages as Server-Sent Events, one connection's channels
 * and filters named in the query. Each message's position is its SSE {@code id}, so an EventSource
 * that reconnects by itself sends it back as {@code Last-Event-ID} and gets what it missed.
 */
final class LiveStream {

  static final String PATH = "/api/live/stream";

  private static final Set<String> PARAMETERS =
      Set.of("pass", "channel", "airline", "ticket", "route", "date", "lastEventId");

  /** How soon an EventSource comes back after losing the stream. */
  private static final Duration RECONNECT = Duration.ofSeconds(2);

  private final Handshake handshake;
  private final Subscriptions subscriptions;
  private final Connections connections;

  LiveStream(Handshake handshake, Subscriptions subscriptions, Connections connections) {
    this.handshake = handshake;
    this.subscriptions = subscriptions;
    this.connections = connections;
  }

  Mono<ServerResponse> open(ServerRequest request) {
    // a token check may fetch the realm's keys: never on an event-loop thread
    return Mono.defer(() -> openNow(request)).subscribeOn(Schedulers.boundedElastic());
  }

  private Mono<ServerResponse> openNow(ServerRequest request) {
    MultiValueMap<String, String> query = request.queryParams();
    Set<String> unknown = Handshake.unknown(query, PARAMETERS);
    if (!unknown.isEmpty()) {
      return Problems.badRequest(
          "Unknown parameters " + unknown + "; a stream takes " + PARAMETERS, PATH);
    }
    Caller caller;
    try {
      caller =
          handshake.caller(
              request.headers().firstHeader(HttpHeaders.AUTHORIZATION), query.getFirst("pass"));
    } catch (CallerRefusedException refused) {
      return Problems.unauthorized(refused.getMessage(), PATH);
    }
    Subscription granted;
    try {
      granted =
          subscriptions.grant(
              caller,
              SubscriptionRequest.of(
                  values(query, "channel"),
                  values(query, "airline"),
                  values(query, "ticket"),
                  values(query, "route"),
                  values(query, "date")));
    } catch (SubscriptionRefusedException refused) {
      return Problems.answer(refused.status(), refused.type(), refused.getMessage(), PATH);
    }
    Connection connection;
    try {
      connection = connections.open("sse", caller);
    } catch (ConnectionRefusedException full) {
      return Problems.unavailable(full.getMessage(), PATH);
    }
    connections.tell(connection, MessageTypes.WELCOME, welcome(connection, granted));
    String after = request.headers().firstHeader("Last-Event-ID");
    connections.subscribe(
        connection, granted, after != null ? after : query.getFirst("lastEventId"));
    Flux<ServerSentEvent<String>> events =
        connection
            .outgoing()
            .map(LiveStream::event)
            .doFinally(signal -> connections.closed(connection));
    return ServerResponse.ok()
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .header(HttpHeaders.CACHE_CONTROL, "no-cache, no-store")
        // proxies that buffer responses (nginx and the like) pass this one on as it comes
        .header("X-Accel-Buffering", "no")
        .body(BodyInserters.fromServerSentEvents(events));
  }

  static Map<String, Object> welcome(Connection connection, Subscription granted) {
    Map<String, Object> welcome = new LinkedHashMap<>();
    welcome.put("connection", connection.id());
    welcome.put("channels", granted.request().channels());
    welcome.put("expiresAt", connection.caller().expiresAt());
    return welcome;
  }

  private static ServerSentEvent<String> event(Outgoing outgoing) {
    if (outgoing.heartbeat()) {
      return ServerSentEvent.<String>builder().comment("").build();
    }
    ServerSentEvent.Builder<String> event =
        ServerSentEvent.builder(outgoing.json()).event(outgoing.type());
    if (outgoing.position() != null) {
      event.id(outgoing.position());
    }
    if (MessageTypes.WELCOME.equals(outgoing.type())) {
      event.retry(RECONNECT);
    }
    return event.build();
  }

  private static List<String> values(MultiValueMap<String, String> query, String name) {
    List<String> values = query.get(name);
    return values == null ? List.of() : values;
  }
}
