package io.airtix.payments.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.orders.OrderCreated;
import io.airtix.payments.PaymentsHttp;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.stripe.StripeWebhooks;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without a Stripe key (the standalone default) the simulated provider runs the same flow: an
 * intent, the customer's confirmation instead of Stripe.js, and the outcome applied as a webhook's
 * would be, labelled "simulated" in answers and logs.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.payments.stripe.api-key=",
      "airtix.payments.stripe.webhook-secret="
    })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SimulatedPaymentsIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  private static TestUser customer;
  private static String customerToken;
  private static String otherCustomerToken;

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  private PaymentsHttp api;

  @DynamicPropertySource
  static void realKeycloakAndScratchDatabase(DynamicPropertyRegistry registry) throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    String dataDir = Files.createTempDirectory("airtix-payments-simulated").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @BeforeAll
  static void logIn() {
    customer = keycloak.createUser(TestUsers.customer());
    customerToken = keycloak.login(customer).accessToken();
    otherCustomerToken = keycloak.login(keycloak.createUser(TestUsers.customer())).accessToken();
  }

  @BeforeEach
  void client() {
    api = new PaymentsHttp(port);
  }

  @Test
  void paysThroughTheSimulatedProviderLabelledAsSuchInAnswersAndLogs(CapturedOutput output)
      throws Exception {
    Reply started = pay(newOrder());

    Reply confirmed = confirm(started, "SUCCEEDED");

    assertThat(started.status()).as("%s", started).isEqualTo(201);
    assertThat(started.body().path("provider").asString()).isEqualTo("simulated");
    assertThat(started.body().path("simulated").asBoolean()).isTrue();
    assertThat(started.body().path("clientSecret").asString()).startsWith("sim_pi_");
    assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
    assertThat(confirmed.body().path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(confirmed.body().path("chargeId").asString()).startsWith("sim_ch_");
    assertThat(confirmed.body().path("simulated").asBoolean()).isTrue();
    assertThat(OrderReplicas.eventsOfPayment(context, id(started)))
        .containsExactly("payment.started", "payment.succeeded");
    assertThat(output.getAll())
        .contains("SIMULATED payment intent", "SIMULATED confirmation of payment " + id(started));
  }

  @Test
  void letsTheCustomerRetryAfterASimulatedDeclineAndConfirmsOnlyPendingPayments() throws Exception {
    OrderCreated order = newOrder();
    Reply started = pay(order);

    Reply declined = confirm(started, "FAILED");
    Reply confirmedAgain = confirm(started, "SUCCEEDED");
    Reply retry = pay(order);
    Reply paid = confirm(started, "SUCCEEDED");
    Reply paidTwice = confirm(started, "SUCCEEDED");

    assertThat(declined.body().path("status").asString()).isEqualTo("FAILED");
    assertThat(declined.body().path("failureReason").asString())
        .isEqualTo("Simulated card declined.");
    assertThat(confirmedAgain.status()).isEqualTo(409);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body().path("attempt").asInt()).isEqualTo(2);
    assertThat(paid.body().path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(paidTwice.status()).isEqualTo(409);
    assertThat(paidTwice.problem()).isEqualTo("payment-not-confirmable");
    assertThat(OrderReplicas.eventsOfPayment(context, id(started)))
        .containsExactly(
            "payment.started", "payment.failed", "payment.started", "payment.succeeded");
  }

  @Test
  void refundsASimulatedPaymentWhoseOrderEndedAfterwardsAndCancelsOneNotYetConfirmed()
      throws Exception {
    OrderCreated paidFirst = newOrder();
    Reply paid = pay(paidFirst);
    confirm(paid, "SUCCEEDED");
    OrderCreated unconfirmed = newOrder();
    Reply open = pay(unconfirmed);

    OrderReplicas.apply(
        context, OrderReplicas.cancelled(paidFirst, 2), OrderReplicas.cancelled(unconfirmed, 2));
    Reply tooLate = confirm(open, "SUCCEEDED");

    Reply refunded = own(paid);
    assertThat(refunded.body().path("status").asString()).isEqualTo("REFUNDED");
    assertThat(refunded.body().path("refundId").asString()).startsWith("sim_re_");
    assertThat(tooLate.status()).isEqualTo(409);
    assertThat(own(open).body().path("status").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void hidesAnotherCustomersPaymentAndRefusesWebhooksItCannotVerify() throws Exception {
    Reply started = pay(newOrder());

    Reply foreign =
        api.send(
            "POST",
            "/api/payments/" + id(started) + "/simulated-confirmation",
            otherCustomerToken,
            """
            {"outcome":"SUCCEEDED"}""");
    Reply webhook =
        api.webhook(
            StripeWebhooks.signed(
                StripeWebhooks.succeeded(
                    StripeWebhooks.newEventId(),
                    started.body().path("intentId").asString(),
                    Instant.now())));

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(webhook.status()).isEqualTo(400);
    assertThat(webhook.problem()).isEqualTo("invalid-signature");
    assertThat(
            api.send("GET", "/api/payments/" + id(started), customerToken, null)
                .body()
                .path("status")
                .asString())
        .isEqualTo("PENDING");
  }

  private OrderCreated newOrder() {
    OrderCreated order = OrderReplicas.created("boreal", customer.id());
    OrderReplicas.apply(context, order);
    return order;
  }

  private Reply pay(OrderCreated order) throws Exception {
    return api.send(
        "POST",
        "/api/payments",
        customerToken,
        """
        {"orderId":"%s"}"""
            .formatted(order.orderId()));
  }

  private Reply confirm(Reply payment, String outcome) throws Exception {
    return api.send(
        "POST",
        "/api/payments/" + id(payment) + "/simulated-confirmation",
        customerToken,
        """
        {"outcome":"%s"}"""
            .formatted(outcome));
  }

  private Reply own(Reply payment) throws Exception {
    return api.send("GET", "/api/payments/" + id(payment), customerToken, null);
  }

  private static String id(Reply payment) {
    return payment.body().path("id").asString();
  }
}
