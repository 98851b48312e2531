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
   * A payment that succeeded although its order was cancelled (the hold ran out while the customer
   * paid) is refunded; a refund the provider refuses fails this event, which the inbox retries and
   * then dead-letters.
   */
  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCancelled event) {
    orders.apply(event);
    outcomes.refundIfPaid(event.orderId());
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCompleted event) {
    orders.apply(event);
  }
}
