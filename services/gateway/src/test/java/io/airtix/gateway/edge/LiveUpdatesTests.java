package io.airtix.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The live-updates service's three kinds of traffic through the gateway, over real sockets: a
 * WebSocket at {@code /api/live} (proxied, and refused from a foreign page's origin before it
 * reaches the service), Server-Sent Events at {@code /api/live/stream} passed on as they come. The
 * service is a Reactor Netty server that echoes WebSocket messages and sends an event every 200 ms.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveUpdatesTests {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Every WebSocket handshake that reached the live service. */
  private static final AtomicInteger upgrades = new AtomicInteger();

  /** The {@code Origin} of each of them, as the service saw it ("none" without one). */
  private static final BlockingQueue<String> originsSeen = new LinkedBlockingQueue<>();

  private static DisposableServer live;

  private final HttpClient client = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Autowired HttpClientProperties httpClient;

  @Autowired RouteLocator routes;

  @BeforeAll
  static void startLiveService() {
    live =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) -> {
                  // (isWebsocket() says only whether this server has upgraded it already)
                  if (request.requestHeaders().containsValue("Upgrade", "websocket", true)) {
                    upgrades.incrementAndGet();
                    originsSeen.add(
                        Optional.ofNullable(request.requestHeaders().get("Origin")).orElse("none"));
                    return response.sendWebsocket(
                        (in, out) -> out.sendString(in.receive().asString()));
                  }
                  if (request.fullPath().equals("/api/live/stream")) {
                    return response
                        .header("Content-Type", "text/event-stream")
                        .sendString(
                            Flux.interval(Duration.ofMillis(200))
                                .take(5)
                                .map(event -> "data: " + event + "\n\n"));
                  }
                  return response.status(404).send();
                })
            .bindNow();
  }

  @AfterAll
  static void stopLiveService() {
    live.disposeNow();
  }

  @DynamicPropertySource
  static void routeToTheLiveService(DynamicPropertyRegistry registry) {
    registry.add("airtix.gateway.services.live", () -> "http://127.0.0.1:" + live.port());
  }

  @BeforeEach
  void forgetEarlierHandshakes() {
    originsSeen.clear();
  }

  @Test
  void proxiesAWebSocketToTheLiveServiceAtItsBarePath() throws Exception {
    Messages messages = new Messages();
    WebSocket socket = open(null, messages);

    socket.sendText("flight AX101 boards at gate 12", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(messages.next()).isEqualTo("flight AX101 boards at gate 12");
    socket.sendText("and closes at 10:40", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(messages.next()).isEqualTo("and closes at 10:40");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void refusesAWebSocketFromAForeignOriginBeforeItReachesTheService() throws Exception {
    int before = upgrades.get();

    Throwable refused = catchThrowable(() -> open("http://evil.example", new Messages()));
    String answer = handshake("http://evil.example");

    assertThat(refused)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class);
    assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode())
        .isEqualTo(403);
    assertThat(answer)
        .startsWith("HTTP/1.1 403")
        .containsIgnoringCase("content-type: application/problem+json")
        .containsIgnoringCase("x-content-type-options: nosniff")
        .contains(
            "\"type\":\"https://airtix.io/problems/forbidden\"",
            "\"title\":\"Forbidden\"",
            "\"status\":403",
            "The origin http://evil.example is not allowed to open a WebSocket");
    assertThat(upgrades.get()).as("handshakes that reached the live service").isEqualTo(before);
  }

  @Test
  void refusesPagesWithoutAnOriginOfTheirOwnAndOriginsInAnotherSpelling() throws Exception {
    int before = upgrades.get();

    // a sandboxed page or a file sends "null"; a WebSocket's Upgrade is matched in any case
    String opaque = handshake("null", "websocket");
    String otherCase = handshake("http://evil.example", "WebSocket");
    String otherPort = handshake("http://localhost:8081", "websocket");

    for (String answer : List.of(opaque, otherCase, otherPort)) {
      assertThat(answer).startsWith("HTTP/1.1 403").contains("problems/forbidden");
    }
    assertThat(opaque).contains("The request's origin is not allowed");
    assertThat(upgrades.get()).as("handshakes that reached the live service").isEqualTo(before);
  }

  @Test
  void letsThePagesOfTheGatewaysOwnOriginOpenAWebSocket() throws Exception {
    for (String origin : List.of("http://localhost:8080", "http://127.0.0.1:8080")) {
      Messages messages = new Messages();
      WebSocket socket = open(origin, messages);

      socket.sendText("hello from " + origin, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(messages.next()).isEqualTo("hello from " + origin);
      // passed on, so that the service can check it too
      assertThat(originsSeen.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(origin);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  @Test
  void letsClientsThatAreNoBrowserOpenAWebSocketWithoutOrigin() throws Exception {
    Messages messages = new Messages();
    // the JDK's client sends no Origin, like curl or another service
    WebSocket socket = open(null, messages);

    socket.sendText("ping", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(messages.next()).isEqualTo("ping");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void passesTheLiveEventStreamOnEventByEvent() throws Exception {
    HttpResponse<Stream<String>> stream =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/live/stream"))
                .header("Accept", "text/event-stream")
                .timeout(WAIT)
                .build(),
            BodyHandlers.ofLines());
    List<String> events = new ArrayList<>();
    List<Long> arrivals = new ArrayList<>();
    try (Stream<String> lines = stream.body()) {
      lines
          .filter(line -> line.startsWith("data:"))
          .forEach(
              event -> {
                events.add(event);
                arrivals.add(System.nanoTime());
              });
    }

    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(events).containsExactly("data: 0", "data: 1", "data: 2", "data: 3", "data: 4");
    // the service sends the last event 800 ms after the first: a proxy that buffered the stream
    // would hand them over together
    assertThat(Duration.ofNanos(arrivals.get(4) - arrivals.get(0)))
        .isGreaterThan(Duration.ofMillis(400));
  }

  /**
   * A response timeout counts until a service's response headers, and an event stream's may come
   * with its first event, minutes after the request: set on the gateway or on a route, it would
   * answer 504 to a stream that is merely quiet.
   */
  @Test
  void setsNoResponseTimeoutThatWouldCutAQuietStream() {
    List<Route> all = routes.getRoutes().collectList().block(WAIT);

    assertThat(httpClient.getResponseTimeout()).isNull();
    assertThat(all)
        .extracting(Route::getId)
        .anySatisfy(id -> assertThat(id).isEqualTo("live /api/live"));
    assertThat(all)
        .allSatisfy(
            route ->
                assertThat(route.getMetadata())
                    .doesNotContainKey(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR));
  }

  /** Opens a WebSocket to {@code /api/live} through the gateway, with this Origin if not null. */
  private WebSocket open(String origin, Messages messages) throws Exception {
    WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(WAIT);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    return builder
        .buildAsync(URI.create("ws://localhost:" + port + "/api/live"), messages)
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private String handshake(String origin) throws IOException {
    return handshake(origin, "websocket");
  }

  /**
   * A browser's WebSocket handshake, written by hand, and the gateway's answer up to the end of its
   * body.
   */
  private String handshake(String origin, String upgrade) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) WAIT.toMillis());
      socket
          .getOutputStream()
          .write(
              ("GET /api/live HTTP/1.1\r\nHost: localhost:8080\r\nUpgrade: "
                      + upgrade
                      + "\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      + "Sec-WebSocket-Version: 13\r\nOrigin: "
                      + origin
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      return readAnswer(socket.getInputStream());
    }
  }

  /** Status line and headers, then as many bytes of body as Content-Length declares. */
  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    while (!answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        return answer.toString(StandardCharsets.UTF_8);
      }
      answer.write(next);
    }
    String head = answer.toString(StandardCharsets.ISO_8859_1);
    int length =
        head.lines()
            .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
            .map(line -> Integer.parseInt(line.substring("content-length:".length()).strip()))
            .findFirst()
            .orElse(0);
    answer.write(in.readNBytes(length));
    return answer.toString(StandardCharsets.UTF_8);
  }

  /** The text messages a WebSocket receives, each whole. */
  private static final class Messages implements WebSocket.Listener {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    String next() throws InterruptedException {
      String message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(message).as("a message echoed by the live service").isNotNull();
      return message;
    }
  }
}
