package io.airtix.payments.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.events.orders.OrderCreated;
import io.airtix.keycloakclient.NewUser;
import io.airtix.payments.PaymentsHttp;
import io.airtix.payments.provider.PaymentProviderUnavailableException;
import io.airtix.platform.retention.Purge;
import io.airtix.platform.retention.Purges;
import io.airtix.platform.retention.RetentionSettings;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.stripe.StripeStandIn;
import io.airtix.testing.stripe.StripeWebhooks;
import io.airtix.testing.time.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Paying through Stripe, with the real stripe-java client against a local stand-in of Stripe's API
 * and webhook calls signed offline: one intent per order, Stripe down, forged, stale, repeated and
 * out-of-order webhooks, failed attempts and their retry, refunds of payments that succeed after
 * their order was cancelled, and who sees what. Orders reach the replica through its real listener;
 * tokens come from a real Keycloak.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.payments.stripe.api-key=" + StripeStandIn.API_KEY,
      "airtix.payments.stripe.webhook-secret=" + StripeStandIn.WEBHOOK_SECRET,
      "airtix.payments.stripe.max-network-retries=0"
    })
@DirtiesContext
class StripePaymentsIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();
  private static final StripeStandIn stripe = StripeStandIn.start();

  private static TestUser customer;
  private static String customerToken;
  private static String otherCustomerToken;
  private static String aeroluxAuditorToken;
  private static String aeroluxAdminToken;
  private static String borealAuditorToken;
  private static String aeroluxAgentToken;

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  private PaymentsHttp api;

  @DynamicPropertySource
  static void realKeycloakStripeStandInAndScratchDatabase(DynamicPropertyRegistry registry)
      throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    registry.add("airtix.payments.stripe.api-base", stripe::apiBase);
    String dataDir = Files.createTempDirectory("airtix-payments-stripe").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @BeforeAll
  static void logIn() {
    customer = keycloak.createUser(TestUsers.customer());
    customerToken = keycloak.login(customer).accessToken();
    otherCustomerToken = token(TestUsers.customer());
    aeroluxAuditorToken = token(TestUsers.member("aerolux", "auditor"));
    aeroluxAdminToken = token(TestUsers.member("aerolux", "tenant-admin"));
    aeroluxAgentToken = token(TestUsers.member("aerolux", "agent"));
    borealAuditorToken = token(TestUsers.member("boreal", "auditor"));
  }

  @AfterAll
  static void stopStripe() {
    stripe.close();
  }

  @BeforeEach
  void client() {
    api = new PaymentsHttp(port);
    stripe.answer();
  }

  @Test
  void createsOneIntentPerOrderForItsAmountAndReturnsItAgainOnRetry() throws Exception {
    OrderCreated order = newOrder();
    int intentsBefore = stripe.intentRequests().size();

    Reply first = pay(order);
    Reply again = pay(order);

    assertThat(first.status()).as("%s", first).isEqualTo(201);
    assertThat(first.header("Location"))
        .endsWith("/api/payments/" + first.body().path("id").asString());
    assertThat(first.body().path("status").asString()).isEqualTo("PENDING");
    assertThat(first.body().path("provider").asString()).isEqualTo("stripe");
    assertThat(first.body().path("simulated").asBoolean()).isFalse();
    assertThat(first.body().path("amount").decimalValue()).isEqualByComparingTo("129.90");
    assertThat(first.body().path("clientSecret").asString())
        .startsWith(first.body().path("intentId").asString())
        .contains("_secret_");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("intentId").asString())
        .isEqualTo(first.body().path("intentId").asString());
    assertThat(stripe.intentRequests()).hasSize(intentsBefore + 1);
    var request = stripe.intentRequests().get(intentsBefore);
    assertThat(request.getHeader("Idempotency-Key"))
        .isEqualTo("airtix-intent-" + first.body().path("id").asString());
    assertThat(request.getBodyAsString())
        .contains("amount=12990", "currency=eur", "metadata[airtix_order_id]=" + order.orderId());
    assertThat(events(first)).containsExactly("payment.started");
  }

  @Test
  void refusesSomebodyElsesOrCancelledOrCompletedOrExpiredOrdersAndChargesNothing()
      throws Exception {
    OrderCreated cancelled = newOrder();
    OrderReplicas.apply(context, OrderReplicas.cancelled(cancelled, 1));
    OrderCreated completed = newOrder();
    OrderReplicas.apply(context, OrderReplicas.completed(completed, 2));
    OrderCreated expired =
        OrderReplicas.createdExpiringAt("aerolux", customer.id(), Instant.now().minusSeconds(1));
    OrderReplicas.apply(context, expired);
    int intentsBefore = stripe.intentRequests().size();

    Reply foreign = api.send("POST", "/api/payments", otherCustomerToken, body(newOrder()));
    Reply unknown =
        api.send(
            "POST",
            "/api/payments",
            customerToken,
            """
        {"orderId":"00000000-0000-0000-0000-000000000001"}""");

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(foreign.body().path("code").asString())
        .isEqualTo(unknown.body().path("code").asString());
    assertNotPayable(pay(cancelled), "CANCELLED");
    assertNotPayable(pay(completed), "COMPLETED");
    assertNotPayable(pay(expired), "EXPIRED");
    assertThat(stripe.intentRequests()).hasSize(intentsBefore);
    assertThat(api.send("POST", "/api/payments", customerToken, "{}").status()).isEqualTo(400);
  }

  @Test
  void stopsHandingOutTheIntentOnceItsOrderWasCancelled() throws Exception {
    OrderCreated order = newOrder();
    Reply payment = pay(order);

    OrderReplicas.apply(context, OrderReplicas.cancelled(order, 1));

    assertNotPayable(pay(payment), "CANCELLED");
    assertThat(own(payment).body().path("status").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void answers503WhenStripeIsUnreachableOrFailingRecordsNothingAndARetrySucceeds()
      throws Exception {
    OrderCreated order = newOrder();

    stripe.dropConnections();
    Reply unreachable = pay(order);
    stripe.failWith500();
    Reply failing = pay(order);
    assertThat(mine()).doesNotContain(order.orderId().toString());
    stripe.answer();
    Reply retried = pay(order);

    for (Reply down : new Reply[] {unreachable, failing}) {
      assertThat(down.status()).as("%s", down).isEqualTo(503);
      assertThat(down.header("Content-Type")).startsWith("application/problem+json");
      assertThat(down.problem()).isEqualTo("payment-provider-unavailable");
      assertThat(down.body().path("detail").asString()).contains("Nothing was charged");
    }
    assertThat(retried.status()).isEqualTo(201);
    assertThat(events(retried)).containsExactly("payment.started");
  }

  @Test
  void recordsTheChargeOfASucceededIntentOnceHoweverOftenStripeDeliversIt() throws Exception {
    Reply payment = pay(newOrder());
    String intent = payment.body().path("intentId").asString();
    String eventId = StripeWebhooks.newEventId();
    StripeWebhooks.Call call =
        StripeWebhooks.signed(StripeWebhooks.succeeded(eventId, intent, Instant.now()));

    Reply first = api.webhook(call);
    Reply repeated = api.webhook(call);
    Reply sameNewsOtherEvent =
        api.webhook(
            StripeWebhooks.signed(
                StripeWebhooks.succeeded(StripeWebhooks.newEventId(), intent, Instant.now())));

    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.body().path("applied").asString()).isEqualTo("CHANGED");
    assertThat(repeated.status()).isEqualTo(200);
    assertThat(repeated.body().path("applied").asString()).isEqualTo("DUPLICATE");
    assertThat(sameNewsOtherEvent.body().path("applied").asString()).isEqualTo("IGNORED");
    Reply paid = own(payment);
    assertThat(paid.body().path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(paid.body().path("chargeId").asString()).isEqualTo("ch_" + eventId.substring(4));
    assertThat(paid.body().path("clientSecret").isNull()).isTrue();
    assertThat(events(payment)).containsExactly("payment.started", "payment.succeeded");
    assertNotPayable(pay(payment), "PAID");
  }

  @Test
  void remembersAStripeEventItAppliedForTheRetentionAndNoLonger() throws Exception {
    Reply payment = pay(newOrder());
    StripeWebhooks.Call call = succeededNow(payment);
    api.webhook(call);
    Purge retention = context.getBean("providerEventIds", Purge.class);

    purgesAt(retention, Instant.now().plus(Duration.ofDays(29))).runOnce();
    assertThat(api.webhook(call).body().path("applied").asString()).isEqualTo("DUPLICATE");

    purgesAt(retention, Instant.now().plus(Duration.ofDays(31))).runOnce();
    // forgotten: a delivery that late would be taken as news, and this one changes nothing
    assertThat(api.webhook(call).body().path("applied").asString()).isEqualTo("IGNORED");
  }

  /** How many payments or refunds had this outcome, as Prometheus reads it. */
  private double count(String meter, String outcome) {
    return context
        .getBean(MeterRegistry.class)
        .get(meter)
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  /** Stripe's word, signed, that the payment's intent succeeded just now. */
  private static StripeWebhooks.Call succeededNow(Reply payment) {
    return StripeWebhooks.signed(
        StripeWebhooks.succeeded(
            StripeWebhooks.newEventId(),
            payment.body().path("intentId").asString(),
            Instant.now()));
  }

  /** The purge of applied provider events, as it runs when the clock shows {@code now}. */
  private static Purges purgesAt(Purge retention, Instant now) {
    return new Purges(
        List.of(retention), new RetentionSettings(Duration.ofHours(1)), new MutableClock(now));
  }

  @Test
  void ignoresAFailureThatArrivesAfterTheSuccessItPreceded() throws Exception {
    Reply payment = pay(newOrder());
    String intent = payment.body().path("intentId").asString();
    Instant now = Instant.now();

    api.webhook(
        StripeWebhooks.signed(StripeWebhooks.succeeded(StripeWebhooks.newEventId(), intent, now)));
    Reply lateFailure =
        api.webhook(
            StripeWebhooks.signed(
                StripeWebhooks.failed(StripeWebhooks.newEventId(), intent, now.minusSeconds(20))));

    assertThat(lateFailure.status()).isEqualTo(200);
    assertThat(lateFailure.body().path("applied").asString()).isEqualTo("IGNORED");
    assertThat(own(payment).body().path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(events(payment)).containsExactly("payment.started", "payment.succeeded");
  }

  @Test
  void recordsAFailedAttemptAndLetsTheCustomerTryAgainOnTheSameIntent() throws Exception {
    OrderCreated order = newOrder();
    Reply payment = pay(order);
    String intent = payment.body().path("intentId").asString();

    api.webhook(
        StripeWebhooks.signed(
            StripeWebhooks.failed(StripeWebhooks.newEventId(), intent, Instant.now())));
    Reply failed = own(payment);
    Reply retry = pay(order);
    api.webhook(
        StripeWebhooks.signed(
            StripeWebhooks.succeeded(StripeWebhooks.newEventId(), intent, Instant.now())));

    assertThat(failed.body().path("status").asString()).isEqualTo("FAILED");
    assertThat(failed.body().path("failureReason").asString()).isEqualTo("Your card was declined.");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body().path("status").asString()).isEqualTo("PENDING");
    assertThat(retry.body().path("attempt").asInt()).isEqualTo(2);
    assertThat(retry.body().path("clientSecret").asString())
        .isEqualTo(payment.body().path("clientSecret").asString());
    assertThat(own(payment).body().path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(events(payment))
        .containsExactly(
            "payment.started", "payment.failed", "payment.started", "payment.succeeded");
  }

  @Test
  void refusesForgedAndStaleWebhooksWith400AndChangesNothing() throws Exception {
    Reply payment = pay(newOrder());
    String intent = payment.body().path("intentId").asString();
    String payload = StripeWebhooks.succeeded(StripeWebhooks.newEventId(), intent, Instant.now());

    Reply forged =
        api.webhook(StripeWebhooks.signedAt(payload, Instant.now(), "whsec_somebody_else"));
    Reply tampered =
        api.webhook(
            new StripeWebhooks.Call(
                payload.replace("succeeded", "succeeded "),
                StripeWebhooks.signed(payload).signature()));
    Reply stale =
        api.webhook(
            StripeWebhooks.signedAt(
                payload,
                Instant.now().minus(Duration.ofMinutes(10)),
                StripeStandIn.WEBHOOK_SECRET));
    Reply unsigned = api.webhook(new StripeWebhooks.Call(payload, ""));

    for (Reply refused : new Reply[] {forged, tampered, stale, unsigned}) {
      assertThat(refused.status()).as("%s", refused).isEqualTo(400);
      assertThat(refused.problem()).isEqualTo("invalid-signature");
    }
    assertThat(own(payment).body().path("status").asString()).isEqualTo("PENDING");
    assertThat(events(payment)).containsExactly("payment.started");
    // the genuine delivery of the very same event still counts: the refused ones were not recorded
    // as seen
    assertThat(api.webhook(StripeWebhooks.signed(payload)).body().path("applied").asString())
        .isEqualTo("CHANGED");
  }

  @Test
  void refundsAPaymentThatSucceedsAfterItsOrderWasCancelled() throws Exception {
    OrderCreated order = newOrder();
    Reply payment = pay(order);
    OrderReplicas.apply(context, OrderReplicas.cancelled(order, 1));

    api.webhook(succeededNow(payment));

    Reply refunded = own(payment);
    assertThat(refunded.body().path("status").asString()).isEqualTo("REFUNDED");
    assertThat(refunded.body().path("refundId").asString())
        .isEqualTo("re_airtix-refund-" + id(payment));
    assertThat(stripe.refundRequests())
        .anySatisfy(
            request ->
                assertThat(request.getBodyAsString())
                    .contains("payment_intent=" + payment.body().path("intentId").asString()));
    assertThat(events(payment))
        .containsExactly("payment.started", "payment.succeeded", "payment.refunded");
  }

  @Test
  void cancelsTheOpenIntentAtStripeWhenItsOrderEndsUnpaid() throws Exception {
    OrderCreated order = newOrder();
    Reply payment = pay(order);
    String intent = payment.body().path("intentId").asString();

    OrderReplicas.apply(context, OrderReplicas.cancelled(order, 2));

    assertThat(own(payment).body().path("status").asString()).isEqualTo("CANCELLED");
    assertThat(stripe.cancelRequests())
        .filteredOn(request -> request.getUrl().contains(intent))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.getUrl()).isEqualTo("/v1/payment_intents/" + intent + "/cancel");
              assertThat(request.getHeader("Idempotency-Key"))
                  .isEqualTo("airtix-cancel-" + id(payment));
            });
    assertThat(events(payment)).containsExactly("payment.started");
  }

  @Test
  void refundsAnIntentThatWasPaidBeforeStripeCouldCancelIt() throws Exception {
    OrderCreated order = newOrder();
    Reply payment = pay(order);
    stripe.succeedBeforeCancellation();
    try {
      OrderReplicas.apply(context, OrderReplicas.cancelled(order, 2));
      assertThat(own(payment).body().path("status").asString()).isEqualTo("PENDING");

      api.webhook(succeededNow(payment));
    } finally {
      stripe.answer();
    }

    assertThat(own(payment).body().path("status").asString()).isEqualTo("REFUNDED");
    assertThat(events(payment))
        .containsExactly("payment.started", "payment.succeeded", "payment.refunded");
  }

  @Test
  void asksAgainWhenStripeCannotCancelAnIntentYet() throws Exception {
    OrderCreated order = newOrder();
    Reply payment = pay(order);

    stripe.dropConnections();
    try {
      // the inbox delivers the event again later: nothing of it was kept
      assertThatThrownBy(() -> OrderReplicas.apply(context, OrderReplicas.cancelled(order, 2)))
          .isInstanceOf(PaymentProviderUnavailableException.class);
    } finally {
      stripe.answer();
    }
    assertThat(own(payment).body().path("status").asString()).isEqualTo("PENDING");

    OrderReplicas.apply(context, OrderReplicas.cancelled(order, 2));

    assertThat(own(payment).body().path("status").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void refundsAPaymentWhoseOrderIsCancelledAfterItSucceeded() throws Exception {
    OrderCreated order = newOrder();
    Reply payment = pay(order);
    api.webhook(succeededNow(payment));

    OrderReplicas.apply(context, OrderReplicas.cancelled(order, 2));

    assertThat(own(payment).body().path("status").asString()).isEqualTo("REFUNDED");
    assertThat(events(payment))
        .containsExactly("payment.started", "payment.succeeded", "payment.refunded");
  }

  @Test
  void refundsThePaymentOfACompletedOrderThatTheCatalogueRefusedAfterwards() throws Exception {
    OrderCreated order = newOrder();
    Reply payment = pay(order);
    api.webhook(succeededNow(payment));
    OrderReplicas.apply(context, OrderReplicas.completed(order, 2));

    // the tickets service had not heard of the order yet, and refused it: the price had changed
    OrderReplicas.apply(context, OrderReplicas.cancelled(order, 3));

    assertThat(own(payment).body().path("status").asString()).isEqualTo("REFUNDED");
    assertThat(events(payment))
        .containsExactly("payment.started", "payment.succeeded", "payment.refunded");
  }

  @Test
  void leavesTheChargeInPlaceAndAsksStripeAgainWhenARefundCannotBeMadeYet() throws Exception {
    OrderCreated order = newOrder();
    Reply payment = pay(order);
    OrderReplicas.apply(context, OrderReplicas.cancelled(order, 1));
    StripeWebhooks.Call success = succeededNow(payment);
    double failedRefunds = count("airtix.payments.refunds", "failed");
    double refunds = count("airtix.payments.refunds", "refunded");

    stripe.dropConnections();
    Reply whileDown = api.webhook(success);
    stripe.answer();
    Reply redelivered = api.webhook(success);

    // a 5xx makes Stripe deliver the event again later; nothing of it was kept meanwhile
    assertThat(whileDown.status()).isEqualTo(503);
    assertThat(redelivered.status()).isEqualTo(200);
    assertThat(own(payment).body().path("status").asString()).isEqualTo("REFUNDED");
    assertThat(events(payment))
        .containsExactly("payment.started", "payment.succeeded", "payment.refunded");
    assertThat(count("airtix.payments.refunds", "failed")).isEqualTo(failedRefunds + 1);
    assertThat(count("airtix.payments.refunds", "refunded")).isEqualTo(refunds + 1);
  }

  @Test
  void showsAnAirlinesPaymentsToItsStaffWithoutTheClientSecret() throws Exception {
    Reply payment = pay(newOrder());

    Reply auditor =
        api.send("GET", "/api/airlines/aerolux/payments?size=100", aeroluxAuditorToken, null);
    Reply admin =
        api.send("GET", "/api/airlines/aerolux/payments?size=100", aeroluxAdminToken, null);
    Reply agent =
        api.send("GET", "/api/airlines/aerolux/payments?size=100", aeroluxAgentToken, null);

    for (Reply staff : new Reply[] {auditor, admin, agent}) {
      assertThat(staff.status()).as("%s", staff).isEqualTo(200);
      assertThat(staff.body().path("items").valueStream().map(item -> item.path("id").asString()))
          .contains(id(payment));
      assertThat(staff.body().path("items").valueStream())
          .allSatisfy(
              item -> {
                assertThat(item.path("airline").asString()).isEqualTo("aerolux");
                assertThat(item.path("clientSecret").isNull()).isTrue();
              });
    }
    assertThat(api.send("GET", "/api/airlines/aerolux/payments", borealAuditorToken, null).status())
        .isEqualTo(404);
    assertThat(api.send("GET", "/api/airlines/boreal/payments", aeroluxAgentToken, null).status())
        .isEqualTo(404);
    assertThat(api.send("GET", "/api/airlines/aerolux/payments", customerToken, null).status())
        .isEqualTo(403);
    assertThat(api.send("GET", "/api/payments/" + id(payment), otherCustomerToken, null).status())
        .isEqualTo(404);
    assertThat(api.send("GET", "/api/payments/" + id(payment), null, null).status()).isEqualTo(401);
  }

  @Test
  void hasNoSimulatedConfirmationWhileStripeTakesTheMoney() throws Exception {
    Reply payment = pay(newOrder());

    Reply confirmed =
        api.send(
            "POST",
            "/api/payments/" + id(payment) + "/simulated-confirmation",
            customerToken,
            """
        {"outcome":"SUCCEEDED"}""");

    assertThat(confirmed.status()).isEqualTo(404);
    assertThat(own(payment).body().path("status").asString()).isEqualTo("PENDING");
  }

  private OrderCreated newOrder() {
    OrderCreated order = OrderReplicas.created("aerolux", customer.id());
    OrderReplicas.apply(context, order);
    return order;
  }

  private Reply pay(OrderCreated order) throws Exception {
    return api.send("POST", "/api/payments", customerToken, body(order));
  }

  private Reply pay(Reply payment) throws Exception {
    return api.send(
        "POST",
        "/api/payments",
        customerToken,
        """
        {"orderId":"%s"}"""
            .formatted(payment.body().path("orderId").asString()));
  }

  private Reply own(Reply payment) throws Exception {
    return api.send("GET", "/api/payments/" + id(payment), customerToken, null);
  }

  private String mine() throws Exception {
    return api.send("GET", "/api/payments?size=100", customerToken, null).response().body();
  }

  private java.util.List<String> events(Reply payment) {
    return OrderReplicas.eventsOfPayment(context, id(payment));
  }

  private static String id(Reply payment) {
    return payment.body().path("id").asString();
  }

  private static String body(OrderCreated order) {
    return """
        {"orderId":"%s"}"""
        .formatted(order.orderId());
  }

  private static void assertNotPayable(Reply reply, String reason) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(409);
    assertThat(reply.problem()).isEqualTo("order-not-payable");
    assertThat(reply.body().path("reason").asString()).isEqualTo(reason);
  }

  private static String token(NewUser user) {
    return keycloak.login(keycloak.createUser(user)).accessToken();
  }
}
