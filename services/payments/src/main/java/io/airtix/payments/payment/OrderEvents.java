package io.airtix.payments.payment;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.payments.orderreplica.ReplicatedOrders;
import io.airtix.platform.messaging.EventOrdering;
import io.airtix.platform.messaging.InboxListener;
import org.springframework.stereotype.Component;

/**
 * Follows the orders the customers may pay. NEWER_ONLY: of the order stream this service needs
 * three types only (the payment steps of an order are its own doing), so there is no sequence to
 * wait for.
 */
@Component
class OrderEvents {

  private final ReplicatedOrders orders;
  private final PaymentOutcomes outcomes;

  OrderEvents(ReplicatedOrders orders, PaymentOutcomes outcomes) {
    this.orders = orders;
    this.outcomes = outcomes;
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCreated event) {
    orders.apply(event);
  }

  /**
   * A payment that succeeded although its order was cancelled (the payment window closed while the
   * customer paid) is refunded, an intent still open is cancelled; a provider that refuses or does
   * not answer fails this event, which the inbox retries and then dead-letters.
   */
  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCancelled event) {
    orders.apply(event);
    outcomes.settleCancelledOrder(event.orderId());
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCompleted event) {
    orders.apply(event);
  }
}
