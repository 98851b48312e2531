package io.airtix.orders.reservation;

import io.airtix.events.orders.OrderCancelled;

/** Why an order ended without a sale; the name travels in {@link OrderCancelled#reason()}. */
enum CancellationReason {
  CUSTOMER,
  /** The hold ran out before a payment started. */
  EXPIRED,
  /** The payment window closed before the payment went through (decision 0025). */
  UNPAID,
  /** The catalogue refused the order: the ticket's price changed after the customer saw it. */
  PRICE_CHANGED,
  /**
   * The catalogue refused the order: the ticket's flight or seat changed after the customer saw it.
   */
  TICKET_CHANGED,
  /** The airline withdrew the ticket before the catalogue heard of the order. */
  TICKET_WITHDRAWN
}
