package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderTests {

  @Test
  void customerCancelsACreatedOrder() {
    Order order = OrderMother.createdOrder();

    order.cancel(Instant.now());

    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.cancellationReason()).isEqualTo(CancellationReason.CUSTOMER);
    assertThat(order.cancelled().reason()).isEqualTo("CUSTOMER");
  }

  @Test
  void refusesToCancelTwiceOrOncePaymentStartedOrAfterCompletion() {
    Order cancelled = OrderMother.createdOrder();
    cancelled.cancel(Instant.now());
    Order beingPaid = OrderMother.createdOrder();
    beingPaid.awaitPayment(Instant.now());
    Order completed = OrderMother.createdOrder();
    completed.awaitPayment(Instant.now());
    completed.complete(Instant.now());

    for (Order order : new Order[] {cancelled, beingPaid, completed}) {
      assertThatThrownBy(() -> order.cancel(Instant.now()))
          .isInstanceOf(OrderNotCancellableException.class)
          .satisfies(
              ex ->
                  assertThat(((OrderNotCancellableException) ex).getStatusCode().value())
                      .isEqualTo(409));
    }
  }

  @Test
  void theCataloguesRefusalEndsAnOrderInEveryStateButOneEndedAlready() {
    Order created = OrderMother.createdOrder();
    Order beingPaid = OrderMother.createdOrder();
    beingPaid.awaitPayment(Instant.now());
    Order completed = OrderMother.createdOrder();
    completed.awaitPayment(Instant.now());
    completed.complete(Instant.now());
    Order cancelled = OrderMother.createdOrder();
    cancelled.cancel(Instant.now());

    for (Order order : new Order[] {created, beingPaid, completed}) {
      assertThat(order.refuse(CancellationReason.PRICE_CHANGED, Instant.now())).isTrue();
      assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(order.cancelled().reason()).isEqualTo("PRICE_CHANGED");
    }
    assertThat(cancelled.refuse(CancellationReason.TICKET_WITHDRAWN, Instant.now())).isFalse();
    assertThat(cancelled.cancellationReason()).isEqualTo(CancellationReason.CUSTOMER);
  }

  @Test
  void expiryCancelsOnlyAnOrderWhosePaymentHasNotStarted() {
    Order created = OrderMother.createdOrder();
    Order beingPaid = OrderMother.createdOrder();
    beingPaid.awaitPayment(Instant.now());
    Order completed = OrderMother.createdOrder();
    completed.awaitPayment(Instant.now());
    completed.complete(Instant.now());

    assertThat(created.expire(Instant.now())).isTrue();
    assertThat(created.cancellationReason()).isEqualTo(CancellationReason.EXPIRED);
    assertThat(created.expire(Instant.now())).as("a second deadline changes nothing").isFalse();
    assertThat(beingPaid.expire(Instant.now())).isFalse();
    assertThat(beingPaid.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    assertThat(completed.expire(Instant.now())).isFalse();
    assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
  }

  @Test
  void completesOnlyAnOrderBeingPaid() {
    Order created = OrderMother.createdOrder();
    Order cancelled = OrderMother.createdOrder();
    cancelled.cancel(Instant.now());

    assertThatIllegalStateException().isThrownBy(() -> created.complete(Instant.now()));
    assertThatIllegalStateException().isThrownBy(() -> cancelled.awaitPayment(Instant.now()));
  }

  @Test
  void onlyCreatedAndAwaitingPaymentAreActive() {
    assertThat(OrderStatus.values())
        .filteredOn(OrderStatus::active)
        .containsExactly(OrderStatus.CREATED, OrderStatus.AWAITING_PAYMENT);
  }

  @Test
  void describesItsCreationAsVersionZeroWithPriceAndDeadline() {
    Order order = OrderMother.createdOrder();

    assertThat(order.created().version()).isZero();
    assertThat(order.created().price()).isEqualByComparingTo("129.90");
    assertThat(order.created().expiresAt()).isEqualTo(order.expiresAt());
    assertThat(order.created().tenant()).isEqualTo("aerolux");
  }
}
