package io.airtix.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the gateway answers itself, over real sockets: errors as problem+json, bodies cut at their
 * limit, the security headers, streams passed on as they come, and its metrics kept off the public
 * port. Its upstreams are plain HTTP servers standing in for the services.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GatewayEdgeTests {

  private static final AtomicInteger upstreamRequests = new AtomicInteger();
  private static HttpServer upstream;
  private static int unreachablePort;

  private final HttpClient client = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Value("${local.management.port}")
  int managementPort;

  @BeforeAll
  static void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", GatewayEdgeTests::answer);
    upstream.start();
    try (ServerSocket free = new ServerSocket(0)) {
      unreachablePort = free.getLocalPort();
    }
  }

  @AfterAll
  static void stopUpstream() {
    upstream.stop(0);
  }

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    String url = "http://127.0.0.1:" + upstream.getAddress().getPort();
    registry.add("airtix.gateway.services.tickets", () -> url);
    registry.add("airtix.gateway.services.payments", () -> url);
    registry.add("airtix.gateway.services.orders", () -> "http://127.0.0.1:" + unreachablePort);
  }

  @Test
  void answersUnknownAddressesAndUnreachableServicesAsProblems() throws Exception {
    HttpResponse<String> unknown = get("/api/nothing-here");
    HttpResponse<String> down = get("/api/orders");

    assertProblem(unknown, 404, "not-found");
    assertProblem(down, 503, "unavailable");
    assertThat(down.body()).doesNotContain("127.0.0.1", "Connection refused", "Exception");
  }

  @Test
  void answersWhatNettyRefusesBeforeTheApplicationAsProblems() throws IOException {
    Map<String, String> refused =
        Map.of(
            "bad percent-encoding", "GET /api/tickets/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "a character paths may not hold",
                "GET /api/tickets/[x] HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "headers too large",
                "GET /api/tickets HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                    + "a".repeat(20_000)
                    + "\r\n\r\n",
            "a request line too long",
                "GET /api/tickets/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "no request line", "\u0001\u0002 garbage\r\n\r\n");
    int before = upstreamRequests.get();

    for (Map.Entry<String, String> request : refused.entrySet()) {
      String answer = exchange(request.getValue());

      assertThat(answer).as(request.getKey()).matches("(?s)HTTP/1\\.1 4(00|14|31) .*");
      assertThat(answer)
          .as(request.getKey())
          .containsIgnoringCase("content-type: application/problem+json")
          .contains("\"type\":\"https://airtix.io/problems/")
          .doesNotContain("Exception");
    }
    assertThat(upstreamRequests.get()).as("requests passed on").isEqualTo(before);
  }

  @Test
  void refusesBodiesPastTheirLimitWith413AndPassesTheOthersOn() throws Exception {
    int before = upstreamRequests.get();
    // as careful clients of large bodies ask: the body follows only once the gateway agrees
    String declared = askToSend("/api/tickets", 300 * 1024);
    String webhook = askToSend("/api/payments/stripe/webhook", 100 * 1024);
    String chunked =
        exchange(
            "POST /api/tickets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"
                + "50000\r\n"
                + "a".repeat(0x50000)
                + "\r\n0\r\n\r\n");

    for (String refused : new String[] {declared, webhook, chunked}) {
      assertThat(refused).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
      assertThat(refused)
          .containsIgnoringCase("content-type: application/problem+json")
          .contains("\"type\":\"https://airtix.io/problems/payload-too-large\"");
    }
    assertThat(upstreamRequests.get()).as("bodies passed on").isEqualTo(before);
    assertThat(post("/api/tickets", 100 * 1024).statusCode()).isEqualTo(200);
  }

  @Test
  void setsTheSecurityHeadersOnItsPagesAndTheServicesAnswers() throws Exception {
    for (HttpResponse<String> response :
        new HttpResponse[] {get("/api-docs"), get("/api/tickets")}) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy"))
          .hasValue("strict-origin-when-cross-origin");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              policy ->
                  assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'"));
    }
  }

  @Test
  void passesServerSentEventsOnAsTheyCome() throws Exception {
    HttpResponse<InputStream> stream =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets/stream"))
                .header("Accept", "text/event-stream")
                .build(),
            BodyHandlers.ofInputStream());
    try (InputStream events = stream.body()) {
      byte[] first = new byte["data: first\n\n".length()];
      int read = 0;
      while (read < first.length) {
        read += events.read(first, read, first.length - read);
      }
      long firstArrived = System.nanoTime();
      String rest = new String(events.readAllBytes(), StandardCharsets.UTF_8);
      long lastArrived = System.nanoTime();

      assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("data: first\n\n");
      assertThat(rest).contains("data: last");
      // the upstream sends the last event 2 s after the first: a buffering proxy would hand both
      // over together, however fast or slow the machine
      assertThat(Duration.ofNanos(lastArrived - firstArrived)).isGreaterThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void tellsTheServicesTheAddressItWasCalledAt() throws Exception {
    HttpResponse<String> forwarded = get("/api/tickets/forwarded");

    assertThat(forwarded.body()).contains("host=localhost:" + port, "port=" + port, "proto=http");
  }

  @Test
  void keepsItsMetricsOffThePublicPort() throws Exception {
    HttpResponse<String> publicMetrics = get("/actuator/prometheus");
    HttpResponse<String> inside =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                .build(),
            BodyHandlers.ofString());

    assertThat(publicMetrics.statusCode()).isEqualTo(404);
    assertThat(inside.statusCode()).isEqualTo(200);
    assertThat(inside.body()).contains("jvm_memory_used_bytes");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"type\":\"https://airtix.io/problems/" + type + "\"", "\"status\":" + status);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, int bytes) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("\"" + "a".repeat(bytes - 2) + "\""))
            .build(),
        BodyHandlers.ofString());
  }

  /** Headers with {@code Expect: 100-continue} and the length of a body not sent (yet). */
  private String askToSend(String path, int bytes) throws IOException {
    return exchange(
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: "
            + bytes
            + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
  }

  /**
   * Writes the request while reading the answer: a gateway that stops reading closes the
   * connection, and what it answered must be read before the reset that follows.
   */
  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      Thread reader =
          new Thread(
              () -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = socket.getInputStream()) {
                  for (int read; (read = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, read);
                  }
                } catch (IOException closed) {
                  // reset or closed after answering: what was read is the answer
                }
              });
      reader.start();
      try {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException closedEarly) {
        // the gateway answered and closed before the whole request was written
      }
      try {
        reader.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    upstreamRequests.incrementAndGet();
    exchange.getRequestBody().readAllBytes();
    if (exchange.getRequestURI().getPath().equals("/api/tickets/stream")) {
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        sleep(2_000);
        body.write("data: last\n\n".getBytes(StandardCharsets.UTF_8));
      }
      return;
    }
    byte[] answer =
        (exchange.getRequestURI().getPath().endsWith("/forwarded")
                ? "host="
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")
                    + " port="
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-Port")
                    + " proto="
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")
                : "{\"answeredBy\":\"upstream\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
