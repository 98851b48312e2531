package io.airtix.orders.reservation;

import io.airtix.events.orders.OrderCancelled;

/** Why an order ended without a sale; the name travels in {@link OrderCancelled#reason()}. */
enum CancellationReason {
  CUSTOMER,
  EXPIRED
}
