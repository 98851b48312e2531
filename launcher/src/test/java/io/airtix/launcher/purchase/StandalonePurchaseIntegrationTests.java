package io.airtix.launcher.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.broker.EmbeddedBroker;
import io.airtix.events.broker.BrokerAccount;
import io.airtix.events.broker.BrokerPasswords;
import io.airtix.launcher.services.EmbeddedServices;
import io.airtix.launcher.services.LaunchableService;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.sale.SaleSteps;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A purchase the standalone way, without a Stripe key: the tickets, orders, expiration and payments
 * services and the gateway in this JVM with their standalone defaults (SQLite files, the embedded
 * AMQP broker, the simulated payment provider), on free ports so that it never meets a running
 * Airtix, with a real Keycloak and real tokens. The traveller's first simulated attempt is
 * declined, the second succeeds, and the order is completed and the ticket sold; a payment never
 * confirmed ends with the payment window, and the ticket is on sale again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandalonePurchaseIntegrationTests {

  private static final List<LaunchableService> SERVICES =
      List.of(
          LaunchableService.TICKETS,
          LaunchableService.ORDERS,
          LaunchableService.EXPIRATION,
          LaunchableService.PAYMENTS);

  /** Long enough for the paying traveller, short enough to wait for with the one who never pays. */
  private static final Duration HOLD = Duration.ofSeconds(20);

  private static final Duration PAYMENT_WINDOW = Duration.ofSeconds(5);

  private final KeycloakServer keycloak = KeycloakServer.shared();
  private EmbeddedBroker broker;
  private EmbeddedServices services;
  private SaleSteps purchases;

  @BeforeAll
  void startServicesTheStandaloneWay() throws IOException {
    Path dataDir = Files.createTempDirectory("airtix-standalone-purchase");
    int brokerPort = freePort();
    // the launcher's broker: an account per service, each allowed only its own events
    BrokerPasswords passwords = BrokerPasswords.generate();
    broker = EmbeddedBroker.start(dataDir.resolve("broker"), brokerPort, passwords);
    services = new EmbeddedServices(dataDir);
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (LaunchableService service : SERVICES) {
      BrokerAccount account = BrokerAccount.ofService(service.serviceName());
      Map<String, String> settings = standalone();
      settings.put("spring.rabbitmq.port", String.valueOf(brokerPort));
      settings.put("spring.rabbitmq.username", account.username());
      settings.put("spring.rabbitmq.password", passwords.of(account));
      ports.put(service.serviceName(), port(services.startAlone(service, settings)));
    }
    Map<String, String> routes = standalone();
    ports.forEach(
        (service, port) ->
            routes.put("airtix.gateway.services." + service, "http://localhost:" + port));
    purchases =
        new SaleSteps(
            URI.create(
                "http://localhost:"
                    + port(services.startAlone(LaunchableService.GATEWAY, routes))));
  }

  @AfterAll
  void stopServicesThenTheBroker() {
    if (services != null) {
      services.stopAll();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aTravellerPaysWithTheSimulatedProviderAfterADeclinedAttemptAndTheTicketIsSold() {
    String agent =
        keycloak.login(keycloak.createUser(TestUsers.member("boreal", "agent"))).accessToken();
    String traveller = keycloak.login(keycloak.createUser(TestUsers.customer())).accessToken();
    JsonNode ticket = purchases.listTicket(agent, "boreal");
    String ticketId = ticket.path("id").asString();
    JsonNode order = purchases.reserve(ticket, traveller);
    String orderId = order.path("id").asString();

    JsonNode payment = purchases.startPayment(order, traveller);
    String paymentId = payment.path("id").asString();
    assertThat(payment.path("provider").asString()).isEqualTo("simulated");
    assertThat(payment.path("simulated").asBoolean()).isTrue();
    awaitStatus("/api/orders/" + orderId, traveller, "AWAITING_PAYMENT");

    HttpResponse<String> declined =
        purchases.confirmSimulatedPayment(paymentId, "FAILED", traveller);
    assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
    awaitStatus("/api/orders/" + orderId, traveller, "CREATED");
    HttpResponse<String> retry =
        purchases.send(
            "POST",
            "/api/payments",
            traveller,
            """
        {"orderId":"%s"}"""
                .formatted(orderId));
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    assertThat(retry.body()).contains("\"attempt\":2");
    HttpResponse<String> paid =
        purchases.confirmSimulatedPayment(paymentId, "SUCCEEDED", traveller);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

    awaitStatus("/api/orders/" + orderId, traveller, "COMPLETED");
    awaitStatus("/api/tickets/" + ticketId, null, "SOLD");
    assertThat(purchases.get("/api/payments/" + paymentId, traveller).path("status").asString())
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void aPaymentNeverConfirmedEndsWithThePaymentWindowAndTheTicketIsOnSaleAgain() {
    String agent =
        keycloak.login(keycloak.createUser(TestUsers.member("boreal", "agent"))).accessToken();
    String traveller = keycloak.login(keycloak.createUser(TestUsers.customer())).accessToken();
    JsonNode ticket = purchases.listTicket(agent, "boreal");
    String ticketId = ticket.path("id").asString();
    JsonNode order = purchases.reserve(ticket, traveller);
    String orderId = order.path("id").asString();
    JsonNode payment = purchases.startPayment(order, traveller);
    String paymentId = payment.path("id").asString();

    // the hold runs out while the payment is under way: the order waits for the payment window
    await()
        .atMost(HOLD.plus(SaleSteps.PATIENCE))
        .until(() -> Instant.now().isAfter(Instant.parse(order.path("expiresAt").asString())));
    assertThat(purchases.get("/api/orders/" + orderId, traveller).path("status").asString())
        .isEqualTo("AWAITING_PAYMENT");
    await()
        .atMost(PAYMENT_WINDOW.plus(SaleSteps.PATIENCE))
        .untilAsserted(
            () -> {
              JsonNode ended = purchases.get("/api/orders/" + orderId, traveller);
              assertThat(ended.path("status").asString()).isEqualTo("CANCELLED");
              assertThat(ended.path("cancellationReason").asString()).isEqualTo("UNPAID");
            });
    awaitStatus("/api/payments/" + paymentId, traveller, "CANCELLED");
    HttpResponse<String> tooLate =
        purchases.confirmSimulatedPayment(paymentId, "SUCCEEDED", traveller);

    assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
    awaitStatus("/api/tickets/" + ticketId, null, "AVAILABLE");
    String another = keycloak.login(keycloak.createUser(TestUsers.customer())).accessToken();
    assertThat(purchases.reserve(ticket, another).path("status").asString()).isEqualTo("CREATED");
  }

  /** Waits until what the path answers has this status: events take their time. */
  private void awaitStatus(String path, String token, String status) {
    await()
        .atMost(SaleSteps.PATIENCE)
        .untilAsserted(
            () ->
                assertThat(purchases.get(path, token).path("status").asString()).isEqualTo(status));
  }

  /**
   * The standalone defaults, as the launcher gives them, on free ports and this test's Keycloak.
   */
  private Map<String, String> standalone() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.port", "0");
    // metrics and descriptions have a port of their own (decisions 0026, 0031)
    settings.put("management.server.port", "0");
    settings.put("spring.main.banner-mode", "off");
    settings.put("airtix.security.issuer-uri", keycloak.issuer());
    settings.put("management.health.redis.enabled", "false");
    settings.put("airtix.payments.stripe.api-key", "");
    settings.put("airtix.payments.stripe.webhook-secret", "");
    settings.put("airtix.orders.hold", HOLD.toSeconds() + "s");
    settings.put("airtix.expiration.payment-window", PAYMENT_WINDOW.toSeconds() + "s");
    return settings;
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
