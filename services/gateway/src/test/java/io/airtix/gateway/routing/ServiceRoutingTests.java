package io.airtix.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ServiceRoutingTests {

  private static final BlockingQueue<ReceivedRequest> upstreamRequests =
      new LinkedBlockingQueue<>();

  /** One upstream per service, so each test sees which service a request reached. */
  private static final Map<String, HttpServer> upstreams = new LinkedHashMap<>();

  private final HttpClient client = HttpClient.newHttpClient();

  @LocalServerPort private int port;

  @BeforeAll
  static void startUpstreams() throws IOException {
    for (String service : List.of("tickets", "orders", "payments", "tenants")) {
      HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      upstream.createContext("/", exchange -> answerLikeAService(service, exchange));
      upstream.start();
      upstreams.put(service, upstream);
    }
  }

  @AfterAll
  static void stopUpstreams() {
    upstreams.values().forEach(upstream -> upstream.stop(0));
    upstreams.clear();
  }

  /**
   * The paths come from gateway.yaml, as they ship: the tenants service's /api/airlines and the
   * orders service's.
   */
  @DynamicPropertySource
  static void routeToUpstreams(DynamicPropertyRegistry registry) {
    for (String service : List.of("tickets", "orders", "payments", "tenants")) {
      registry.add("airtix.gateway.services." + service, () -> upstreamUrl(service));
    }
  }

  @BeforeEach
  void forgetEarlierRequests() {
    upstreamRequests.clear();
  }

  @Test
  void forwardsTicketRequestsWithAuthorizationHeaderUntouched() throws Exception {
    HttpResponse<String> response =
        client.send(
            gateway("/api/tickets?airline=aerolux")
                .header("Authorization", "Bearer token-of-an-agent")
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"answeredBy\":\"upstream\"}");
    ReceivedRequest received = nextUpstreamRequest();
    assertThat(received.service()).isEqualTo("tickets");
    assertThat(received.method()).isEqualTo("GET");
    assertThat(received.uri()).isEqualTo("/api/tickets?airline=aerolux");
    assertThat(received.authorization()).isEqualTo("Bearer token-of-an-agent");
  }

  @Test
  void forwardsCreatedTicketBodyAndStatus() throws Exception {
    String ticket = "{\"airline\":\"aerolux\",\"flightNumber\":\"AX101\"}";
    HttpResponse<String> response =
        client.send(
            gateway("/api/tickets")
                .header("Authorization", "Bearer token-of-an-agent")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(ticket))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/tickets/42");
    ReceivedRequest received = nextUpstreamRequest();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.body()).isEqualTo(ticket);
  }

  @Test
  void routesOrdersApiToOrdersService() throws Exception {
    HttpResponse<String> response =
        client.send(gateway("/api/orders/7").build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    ReceivedRequest received = nextUpstreamRequest();
    assertThat(received.service()).isEqualTo("orders");
    assertThat(received.uri()).isEqualTo("/api/orders/7");
  }

  @Test
  void routesAirlinesOrdersToOrdersServiceAlthoughTenantsServiceOwnsAirlines() throws Exception {
    HttpResponse<String> orders =
        client.send(
            gateway("/api/airlines/aerolux/orders?page=0").build(), BodyHandlers.ofString());
    assertThat(orders.statusCode()).isEqualTo(200);
    ReceivedRequest ordersRequest = nextUpstreamRequest();
    assertThat(ordersRequest.service()).isEqualTo("orders");
    assertThat(ordersRequest.uri()).isEqualTo("/api/airlines/aerolux/orders?page=0");

    HttpResponse<String> staff =
        client.send(gateway("/api/airlines/aerolux/staff").build(), BodyHandlers.ofString());
    assertThat(staff.statusCode()).isEqualTo(200);
    ReceivedRequest staffRequest = nextUpstreamRequest();
    assertThat(staffRequest.service()).isEqualTo("tenants");
    assertThat(staffRequest.uri()).isEqualTo("/api/airlines/aerolux/staff");
  }

  @Test
  void routesPaymentsAnAirlinesPaymentsAndStripesWebhookToThePaymentsService() throws Exception {
    String event = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}";
    client.send(
        gateway("/api/payments/stripe/webhook")
            .header("Content-Type", "application/json")
            .header("Stripe-Signature", "t=1,v1=abc")
            .POST(BodyPublishers.ofString(event))
            .build(),
        BodyHandlers.ofString());
    ReceivedRequest webhook = nextUpstreamRequest();
    assertThat(webhook.service()).isEqualTo("payments");
    assertThat(webhook.body()).isEqualTo(event);

    client.send(gateway("/api/airlines/aerolux/payments?page=0").build(), BodyHandlers.ofString());
    ReceivedRequest airline = nextUpstreamRequest();
    assertThat(airline.service()).isEqualTo("payments");
    assertThat(airline.uri()).isEqualTo("/api/airlines/aerolux/payments?page=0");
  }

  @Test
  void leavesAirlineNamedOrdersToTenantsService() throws Exception {
    HttpResponse<String> response =
        client.send(gateway("/api/airlines/orders").build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(nextUpstreamRequest().service()).isEqualTo("tenants");
  }

  @Test
  void routesThePathsAServiceOwnsUnchanged() throws Exception {
    HttpResponse<String> list =
        client.send(gateway("/api/airlines?page=0").build(), BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(200);
    ReceivedRequest listRequest = nextUpstreamRequest();
    assertThat(listRequest.service()).isEqualTo("tenants");
    assertThat(listRequest.uri()).isEqualTo("/api/airlines?page=0");

    HttpResponse<String> staff =
        client.send(gateway("/api/airlines/aerolux/staff").build(), BodyHandlers.ofString());
    assertThat(staff.statusCode()).isEqualTo(200);
    assertThat(nextUpstreamRequest().uri()).isEqualTo("/api/airlines/aerolux/staff");
  }

  @Test
  void routesNothingUnderTheNameOfAServiceThatOwnsOtherPaths() throws Exception {
    HttpResponse<String> response =
        client.send(gateway("/api/tenants/aerolux").build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(upstreamRequests).isEmpty();
  }

  @Test
  void answers404ForApisOfUnknownServices() throws Exception {
    HttpResponse<String> response =
        client.send(gateway("/api/unknown/1").build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(upstreamRequests).isEmpty();
  }

  private HttpRequest.Builder gateway(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
  }

  private static ReceivedRequest nextUpstreamRequest() throws InterruptedException {
    ReceivedRequest received = upstreamRequests.poll(5, TimeUnit.SECONDS);
    assertThat(received).as("request reaching the upstream service").isNotNull();
    return received;
  }

  private static String upstreamUrl(String service) {
    return "http://127.0.0.1:" + upstreams.get(service).getAddress().getPort();
  }

  private static void answerLikeAService(String service, HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    upstreamRequests.add(
        new ReceivedRequest(
            service,
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body));
    boolean created = exchange.getRequestMethod().equals("POST");
    byte[] answer = "{\"answeredBy\":\"upstream\"}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (created) {
      exchange.getResponseHeaders().add("Location", "/api/tickets/42");
    }
    exchange.sendResponseHeaders(created ? 201 : 200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private record ReceivedRequest(
      String service, String method, String uri, String authorization, String body) {}
}
