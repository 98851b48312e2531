package io.airtix.orders.reservation;

import io.airtix.events.orders.OrderCancelled;

/** Why an order ended without a sale; the name travels in {@link OrderCancelled#reason()}. */
enum CancellationReason {
  CUSTOMER,
  /** The hold ran out before a payment started. */
  EXPIRED,
  /** The payment window closed before the payment went through (decision 0025). */
  UNPAID
}
