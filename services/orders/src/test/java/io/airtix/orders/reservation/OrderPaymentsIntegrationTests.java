package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.airtix.events.orders.OrderExpired;
import io.airtix.orders.ticketreplica.Replicas;
import io.airtix.platform.security.AirtixPrincipal;
import java.io.IOException;
import java.nio.file.Files;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the payments service's events do to orders, on the standalone database (SQLite); the order's
 * events are read from the outbox. The payment events arrive in order (the inbox applies the
 * payment stream contiguously).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.orders.hold=20m"
    })
@DirtiesContext
class OrderPaymentsIntegrationTests {

  private static final UUID PAYMENT = UUID.randomUUID();

  @Autowired Reservations reservations;

  @Autowired OrderPayments payments;

  @Autowired OrderExpiry expiry;

  @Autowired ApplicationContext context;

  @Autowired JdbcClient jdbc;

  @Autowired PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void scratchDataDir(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("airtix-order-payments").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @Test
  void completesAPaidOrderAndPublishesOneEventPerStep() {
    OrderResponse order = newOrder();

    payments.started(order.id(), PAYMENT);
    payments.succeeded(order.id(), PAYMENT);

    assertThat(find(order).status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(eventsOf(order))
        .containsExactly("order.created:0", "order.awaiting-payment:1", "order.completed:2");
  }

  @Test
  void keepsTheHoldWhileThePaymentIsUnderWay() {
    OrderResponse order = newOrder();
    payments.started(order.id(), PAYMENT);

    expire(order);

    assertThat(find(order).status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    assertThat(eventsOf(order)).containsExactly("order.created:0", "order.awaiting-payment:1");
  }

  @Test
  void givesTheHoldBackAfterAFailedAttemptUntilTheDeadlineAndAwaitsTheNextAttempt() {
    OrderResponse order = newOrder();
    payments.started(order.id(), PAYMENT);

    payments.failed(order.id(), PAYMENT);
    OrderResponse afterFailure = find(order);
    payments.started(order.id(), PAYMENT);
    payments.succeeded(order.id(), PAYMENT);

    assertThat(afterFailure.status()).isEqualTo(OrderStatus.CREATED);
    // the same deadline, as far as the database keeps it (SQLite: milliseconds)
    assertThat(afterFailure.expiresAt()).isCloseTo(order.expiresAt(), within(1, ChronoUnit.MILLIS));
    assertThat(find(order).status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(eventsOf(order))
        .containsExactly(
            "order.created:0",
            "order.awaiting-payment:1",
            "order.payment-failed:2",
            "order.awaiting-payment:3",
            "order.completed:4");
  }

  @Test
  void completesAnOrderWhoseEarlierAttemptSucceededAfterAFailureWasReported() {
    OrderResponse order = newOrder();
    payments.started(order.id(), PAYMENT);
    payments.failed(order.id(), PAYMENT);

    payments.succeeded(order.id(), PAYMENT);

    assertThat(find(order).status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(eventsOf(order))
        .containsExactly(
            "order.created:0",
            "order.awaiting-payment:1",
            "order.payment-failed:2",
            "order.awaiting-payment:3",
            "order.completed:4");
  }

  @Test
  void leavesACancelledOrderCancelledAndSaysSoWhenItsPaymentIsRefunded() {
    OrderResponse order = newOrder();
    expire(order);

    payments.started(order.id(), PAYMENT);
    payments.succeeded(order.id(), PAYMENT);
    OrderResponse beforeRefund = find(order);
    payments.refunded(order.id(), PAYMENT, "re_123");
    payments.refunded(order.id(), PAYMENT, "re_123");

    assertThat(beforeRefund.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(beforeRefund.refunded()).isFalse();
    OrderResponse refunded = find(order);
    assertThat(refunded.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(refunded.cancellationReason()).isEqualTo(CancellationReason.EXPIRED);
    assertThat(refunded.refunded()).isTrue();
    assertThat(refunded.refundedAt()).isNotNull();
    assertThat(eventsOf(order))
        .containsExactly("order.created:0", "order.cancelled:1", "order.refunded:2");
    assertThat(
            jdbc.sql(
                    "SELECT body FROM airtix_outbox WHERE aggregate_id = ? AND event_type = 'order.refunded'")
                .param(order.id().toString())
                .query(String.class)
                .single())
        .contains("\"refundId\":\"re_123\"");
  }

  @Test
  void everyOrderEventNamesItsCustomer() {
    AirtixPrincipal customer = Customers.newCustomer();
    String sub = customer.userId();
    OrderResponse paid = newOrder(customer);
    payments.started(paid.id(), PAYMENT);
    payments.failed(paid.id(), PAYMENT);
    payments.started(paid.id(), PAYMENT);
    payments.succeeded(paid.id(), PAYMENT);
    OrderResponse refunded = newOrder(customer);
    expire(refunded);
    payments.started(refunded.id(), PAYMENT);
    payments.succeeded(refunded.id(), PAYMENT);
    payments.refunded(refunded.id(), PAYMENT, "re_456");

    assertThat(customersNamedBy(paid))
        .containsExactly(
            "order.created:" + sub,
            "order.awaiting-payment:" + sub,
            "order.payment-failed:" + sub,
            "order.awaiting-payment:" + sub,
            "order.completed:" + sub);
    assertThat(customersNamedBy(refunded))
        .containsExactly("order.created:" + sub, "order.cancelled:" + sub, "order.refunded:" + sub);
  }

  @Test
  void ignoresPaymentsOfUnknownOrders() {
    UUID unknown = UUID.randomUUID();

    payments.started(unknown, PAYMENT);
    payments.succeeded(unknown, PAYMENT);

    assertThat(
            jdbc.sql("SELECT count(*) FROM airtix_outbox WHERE aggregate_id = ?")
                .param(unknown.toString())
                .query(Long.class)
                .single())
        .isZero();
  }

  private OrderResponse newOrder() {
    return newOrder(Customers.newCustomer());
  }

  private OrderResponse newOrder(AirtixPrincipal customer) {
    var ticket = Replicas.availableTicket("aerolux");
    Replicas.apply(context, ticket);
    return reservations.reserve(customer, OrderMother.reserve(ticket));
  }

  private OrderResponse find(OrderResponse order) {
    return new TransactionTemplate(transactions)
        .execute(
            status ->
                OrderResponse.from(
                    context.getBean(OrderRepository.class).findById(order.id()).orElseThrow()));
  }

  /**
   * The expiration service's deadline, applied by the real listener in a transaction as the inbox
   * does.
   */
  private void expire(OrderResponse order) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status ->
                expiry.on(new OrderExpired(order.id(), 0, order.airline(), order.expiresAt())));
  }

  private List<String> eventsOf(OrderResponse order) {
    return jdbc.sql(
            "SELECT event_type, aggregate_version FROM airtix_outbox WHERE aggregate_id = ? ORDER BY position")
        .param(order.id().toString())
        .query((row, n) -> row.getString(1) + ":" + row.getLong(2))
        .list();
  }

  /** The order's events in the outbox, oldest first, as type:customerId of their payload. */
  private List<String> customersNamedBy(OrderResponse order) {
    JsonMapper json = JsonMapper.builder().build();
    return jdbc
        .sql("SELECT body FROM airtix_outbox WHERE aggregate_id = ? ORDER BY position")
        .param(order.id().toString())
        .query(String.class)
        .list()
        .stream()
        .map(json::readTree)
        .map(event -> event.path("type").asString() + ":" + customerIdIn(event.path("payload")))
        .toList();
  }

  private static String customerIdIn(JsonNode payload) {
    return payload.path("customerId").isString() ? payload.path("customerId").asString() : null;
  }
}
