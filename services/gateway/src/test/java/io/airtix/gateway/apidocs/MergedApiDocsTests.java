package io.airtix.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merged description and Swagger UI over real sockets. Two plain HTTP servers stand in for the
 * services' management ports; a third service is down.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MergedApiDocsTests {

  private static final String PROBLEM =
      """
      {"type":"object","properties":{"type":{"type":"string"},"status":{"type":"integer"}}}""";

  private static final AtomicInteger reads = new AtomicInteger();
  private static HttpServer tickets;
  private static HttpServer orders;
  private static int downPort;

  private final HttpClient client = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort int port;

  @BeforeAll
  static void startServices() throws IOException {
    tickets =
        describing(
            """
            {"openapi":"3.0.1","info":{"title":"tickets","version":"1"},
             "servers":[{"url":"http://localhost:8081"}],
             "paths":{"/api/tickets":{"get":{"operationId":"list","responses":{"200":{"description":"ok",
               "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Ticket"}}}}}}}},
             "components":{"schemas":{"Ticket":{"type":"object"},"Problem":%s}}}"""
                .formatted(PROBLEM));
    orders =
        describing(
            """
            {"openapi":"3.0.1","info":{"title":"orders","version":"1"},
             "paths":{"/api/orders":{"post":{"operationId":"reserve","responses":{"409":{"description":"taken",
               "content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{"Order":{"type":"object"},"Problem":%s}}}"""
                .formatted(PROBLEM));
    try (ServerSocket free = new ServerSocket(0)) {
      downPort = free.getLocalPort();
    }
  }

  @AfterAll
  static void stopServices() {
    tickets.stop(0);
    orders.stop(0);
  }

  @DynamicPropertySource
  static void descriptions(DynamicPropertyRegistry registry) {
    registry.add("airtix.gateway.api-docs.tickets", () -> address(tickets));
    registry.add("airtix.gateway.api-docs.orders", () -> address(orders));
    String down = "http://127.0.0.1:" + downPort + "/actuator/openapi";
    registry.add("airtix.gateway.api-docs.payments", () -> down);
    registry.add("airtix.gateway.api-docs.tenants", () -> down);
  }

  @Test
  void mergesThePathsAndComponentsOfEveryServiceThatAnswers() throws Exception {
    JsonNode merged = mergedDescription();

    assertThat(merged.path("openapi").asString()).isEqualTo("3.0.1");
    assertThat(merged.path("paths").propertyNames()).containsExactly("/api/orders", "/api/tickets");
    assertThat(merged.path("components").path("schemas").propertyNames())
        .containsExactlyInAnyOrder("Order", "Problem", "Ticket");
    assertThat(
            merged
                .at("/paths/~1api~1tickets/get/responses/200/content/application~1json/schema/$ref")
                .asString())
        .isEqualTo("#/components/schemas/Ticket");
  }

  @Test
  void leavesOutAServiceThatDoesNotAnswerWithANote() throws Exception {
    String description = mergedDescription().path("info").path("description").asString();

    assertThat(description)
        .contains("(orders, tickets)")
        .contains("The payments service's operations are left out: it is not reachable.")
        .contains("The tenants service's operations are left out: it is not reachable.");
  }

  @Test
  void namesTheGatewayAsTheServer() throws Exception {
    JsonNode servers = mergedDescription().path("servers");

    assertThat(servers).hasSize(1);
    assertThat(servers.get(0).path("url").asString()).isEqualTo("http://localhost:" + port);
  }

  @Test
  void readsTheServicesAgainOnlyAfterAFewSeconds() throws Exception {
    mergedDescription();
    int before = reads.get();
    mergedDescription();

    assertThat(reads.get()).isEqualTo(before);
  }

  @Test
  void showsSwaggerUiUnderAPolicyThatAllowsOnlyTheGatewaysOwnScripts() throws Exception {
    HttpResponse<String> page = get("/api-docs");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("/webjars/swagger-ui/swagger-ui-bundle.js", "/api-docs/swagger-initializer.js")
        .doesNotContainPattern("<script>|<script [^>]*>[^<\\s]");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy"))
        .hasValue("strict-origin-when-cross-origin");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy ->
                assertThat(policy)
                    .contains(
                        "default-src 'self'", "frame-ancestors 'none'", "img-src 'self' data:")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "script-src"));
  }

  @Test
  void servesSwaggerUisInitializerAndFiles() throws Exception {
    HttpResponse<String> initializer = get("/api-docs/swagger-initializer.js");

    assertThat(initializer.statusCode()).isEqualTo(200);
    assertThat(initializer.body()).contains("\"/api-docs/openapi.json\"");
    for (String file :
        new String[] {
          "/webjars/swagger-ui/swagger-ui-bundle.js", "/webjars/swagger-ui/swagger-ui.css"
        }) {
      HttpResponse<String> answer = get(file);
      assertThat(answer.statusCode()).as(file).isEqualTo(200);
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void answersNoMetricsOrDescriptionsOfTheServices() throws Exception {
    for (String path :
        new String[] {
          "/actuator/prometheus", "/actuator/health", "/actuator/openapi", "/v3/api-docs"
        }) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
  }

  private JsonNode mergedDescription() throws Exception {
    HttpResponse<String> answer = get("/api-docs/openapi.json");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        BodyHandlers.ofString());
  }

  private static HttpServer describing(String description) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/actuator/openapi", exchange -> answer(exchange, description));
    server.start();
    return server;
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    reads.incrementAndGet();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String address(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/openapi";
  }
}
