package io.airtix.payments.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.airtix.events.orders.OrderCreated;
import io.airtix.payments.orderreplica.ReplicatedOrder;
import io.airtix.payments.provider.ProviderIntent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTests {

  private static final Instant START = Instant.parse("2026-11-24T10:00:00.400Z");

  private static Payment newPayment() {
    OrderCreated order = OrderReplicas.created("aerolux", "customer-1");
    ReplicatedOrder replica =
        new ReplicatedOrder(
            order.orderId(),
            0,
            order.ticketId(),
            order.airline(),
            order.customerId(),
            order.price(),
            order.currency(),
            ReplicatedOrder.CREATED,
            order.expiresAt());
    return new Payment(replica, "stripe", new ProviderIntent("pi_1", "pi_1_secret"), START);
  }

  @Test
  void derivesOnePaymentIdPerOrder() {
    OrderCreated order = OrderReplicas.created("aerolux", "customer-1");

    assertThat(Payment.idFor(order.orderId()))
        .isEqualTo(Payment.idFor(order.orderId()))
        .isNotEqualTo(Payment.idFor(OrderReplicas.created("aerolux", "customer-1").orderId()));
  }

  @Test
  void succeedsOnceWhateverTheNumberOfReports() {
    Payment payment = newPayment();

    assertThat(payment.succeed("ch_1", START.plusSeconds(5))).isTrue();
    assertThat(payment.succeed("ch_2", START.plusSeconds(6))).isFalse();
    assertThat(payment.fail("declined", START.plusSeconds(7), START.plusSeconds(7))).isFalse();
    assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(payment.chargeId()).isEqualTo("ch_1");
  }

  @Test
  void ignoresAFailureReportedBeforeTheCurrentAttemptStarted() {
    Payment payment = newPayment();
    payment.fail("declined", START.plusSeconds(1), START.plusSeconds(1));
    payment.retry(START.plusSeconds(30));

    assertThat(
            payment.fail("declined again, but late", START.plusSeconds(2), START.plusSeconds(31)))
        .isFalse();
    assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(payment.attempt()).isEqualTo(2);
    // Stripe stamps events in whole seconds: a report of the attempt's own second belongs to it
    assertThat(
            payment.fail("declined", START.plusSeconds(30).minusMillis(400), START.plusSeconds(32)))
        .isTrue();
  }

  @Test
  void retriesOnlyAfterAFailureAndKeepsTheIntent() {
    Payment payment = newPayment();

    assertThat(payment.retry(START.plus(Duration.ofSeconds(1)))).isFalse();
    payment.fail("declined", START, START);
    assertThat(payment.retry(START.plusSeconds(2))).isTrue();
    assertThat(payment.intentId()).isEqualTo("pi_1");
    assertThat(payment.failureReason()).isNull();
  }

  @Test
  void countsALateSuccessOfAnEarlierAttempt() {
    Payment payment = newPayment();
    payment.fail("declined", START, START);

    assertThat(payment.succeed("ch_1", START.plusSeconds(3))).isTrue();
    assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  void refundsOnlyASucceededPayment() {
    Payment payment = newPayment();

    assertThatIllegalStateException().isThrownBy(() -> payment.refunded("re_1", START));
    payment.succeed("ch_1", START);
    payment.refunded("re_1", START.plusSeconds(1));
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(payment.refundable()).isFalse();
  }
}
