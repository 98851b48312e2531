package io.airtix.orders.reservation;

import io.airtix.events.orders.OrderExpired;
import io.airtix.platform.messaging.EventOrdering;
import io.airtix.platform.messaging.InboxListener;
import org.springframework.stereotype.Component;

/**
 * Applies the expiration service's deadlines. NEWER_ONLY: of the order stream this service consumes
 * only order.expired (it publishes the rest), so there is no sequence to wait for; a repeated
 * deadline is ignored.
 */
@Component
class OrderExpiry {

  private final Reservations reservations;

  OrderExpiry(Reservations reservations) {
    this.reservations = reservations;
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderExpired event) {
    reservations.expire(event);
  }
}
