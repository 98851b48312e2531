package io.airtix.launcher.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.launcher.DistributedRun;
import io.airtix.launcher.services.LaunchableService;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.sale.SaleSteps;
import io.airtix.testing.stripe.StripeStandIn;
import io.airtix.testing.stripe.StripeWebhooks;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A purchase the distributed way: the tickets, orders and payments services and the gateway, each
 * as {@code --only <service>} starts it with the profile {@code distributed}, on the machine's
 * PostgreSQL (a scratch database per service) and RabbitMQ, with a real Keycloak and real tokens,
 * Stripe played by a local stand-in of its API and its webhook signed offline. The traveller
 * reserves, pays, Stripe reports the success through the gateway, and the order is completed and
 * the ticket sold. Each run has its own exchange and queues.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedPurchaseIntegrationTests {

  private final KeycloakServer keycloak = KeycloakServer.shared();
  private StripeStandIn stripe;
  private DistributedRun run;
  private SaleSteps purchases;

  @BeforeAll
  void startServicesTheDistributedWay() {
    stripe = StripeStandIn.start();
    run =
        DistributedRun.start(
            "distributed-purchase",
            List.of(
                LaunchableService.TICKETS, LaunchableService.ORDERS, LaunchableService.PAYMENTS),
            Map.of(
                "airtix.payments.stripe.api-key",
                StripeStandIn.API_KEY,
                "airtix.payments.stripe.webhook-secret",
                StripeStandIn.WEBHOOK_SECRET,
                "airtix.payments.stripe.api-base",
                stripe.apiBase()));
    purchases = new SaleSteps(run.gateway());
  }

  @AfterAll
  void stopServicesAndCleanUp() {
    if (run != null) {
      run.close();
    }
    if (stripe != null) {
      stripe.close();
    }
  }

  @Test
  void aTravellerPaysThroughStripeAndTheOrderIsCompletedAndTheTicketSold() {
    String agent =
        keycloak.login(keycloak.createUser(TestUsers.member("aerolux", "agent"))).accessToken();
    String auditor =
        keycloak.login(keycloak.createUser(TestUsers.member("aerolux", "auditor"))).accessToken();
    String traveller = keycloak.login(keycloak.createUser(TestUsers.customer())).accessToken();
    JsonNode ticket = purchases.listTicket(agent, "aerolux");
    String ticketId = ticket.path("id").asString();

    JsonNode order = purchases.reserve(ticket, traveller);
    String orderId = order.path("id").asString();
    JsonNode payment = purchases.startPayment(order, traveller);
    String paymentId = payment.path("id").asString();

    assertThat(payment.path("provider").asString()).isEqualTo("stripe");
    assertThat(payment.path("simulated").asBoolean()).isFalse();
    assertThat(payment.path("amount").decimalValue())
        .isEqualByComparingTo(ticket.path("price").decimalValue());
    assertThat(payment.path("clientSecret").asString()).contains("_secret_");
    assertThat(stripe.intentRequests()).hasSize(1);
    // while the payment is under way, the order keeps its ticket whatever its hold says
    await()
        .atMost(SaleSteps.PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        purchases
                            .get("/api/orders/" + orderId, traveller)
                            .path("status")
                            .asString())
                    .isEqualTo("AWAITING_PAYMENT"));

    HttpResponse<String> webhook =
        webhook(
            StripeWebhooks.signed(
                StripeWebhooks.succeeded(
                    StripeWebhooks.newEventId(),
                    payment.path("intentId").asString(),
                    Instant.now())));
    assertThat(webhook.statusCode())
        .as("Stripe's webhook through the gateway: %s", webhook.body())
        .isEqualTo(200);

    await()
        .atMost(SaleSteps.PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        purchases
                            .get("/api/orders/" + orderId, traveller)
                            .path("status")
                            .asString())
                    .isEqualTo("COMPLETED"));
    await()
        .atMost(SaleSteps.PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        purchases.get("/api/tickets/" + ticketId, null).path("status").asString())
                    .isEqualTo("SOLD"));
    assertThat(purchases.get("/api/payments/" + paymentId, traveller).path("status").asString())
        .isEqualTo("SUCCEEDED");
    assertThat(
            purchases
                .get("/api/airlines/aerolux/payments?size=100", auditor)
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asString()))
        .contains(paymentId);
    HttpResponse<String> again =
        purchases.send(
            "POST",
            "/api/payments",
            traveller,
            """
        {"orderId":"%s"}"""
                .formatted(orderId));
    assertThat(again.statusCode()).as("paying a paid order: %s", again.body()).isEqualTo(409);
  }

  private HttpResponse<String> webhook(StripeWebhooks.Call call) {
    return purchases.stripeWebhook(call.payload(), call.signature());
  }
}
