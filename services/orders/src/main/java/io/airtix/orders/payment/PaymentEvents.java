package io.airtix.orders.payment;

import io.airtix.events.payments.ChargeCreated;
import io.airtix.events.payments.PaymentFailed;
import io.airtix.events.payments.PaymentRefunded;
import io.airtix.events.payments.PaymentStarted;
import io.airtix.orders.reservation.OrderPayments;
import io.airtix.platform.messaging.InboxListener;
import org.springframework.stereotype.Component;

/**
 * Follows the payments of orders. Contiguous (the default ordering) over the whole payment stream:
 * a payment's versions are applied once each and in order, so a success never overtakes the start
 * of its attempt, and a failure of an earlier attempt never undoes a later one.
 */
@Component
class PaymentEvents {

  private final OrderPayments orders;

  PaymentEvents(OrderPayments orders) {
    this.orders = orders;
  }

  @InboxListener
  void on(PaymentStarted event) {
    orders.started(event.orderId(), event.paymentId());
  }

  @InboxListener
  void on(PaymentFailed event) {
    orders.failed(event.orderId(), event.paymentId());
  }

  @InboxListener
  void on(ChargeCreated event) {
    orders.succeeded(event.orderId(), event.paymentId());
  }

  @InboxListener
  void on(PaymentRefunded event) {
    orders.refunded(event.orderId(), event.paymentId(), event.refundId());
  }
}
