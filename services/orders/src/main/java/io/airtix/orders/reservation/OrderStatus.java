package io.airtix.orders.reservation;

/**
 * CREATED (holds its ticket until it expires) → AWAITING_PAYMENT (payment started; expiry no longer
 * cancels it) → COMPLETED (paid, the ticket is sold); AWAITING_PAYMENT → CREATED when the payment
 * failed (the customer may try again until the deadline); CREATED → CANCELLED (by the customer or
 * on expiry). CREATED and AWAITING_PAYMENT are the active states: a ticket has at most one active
 * order, which the database enforces.
 */
enum OrderStatus {
  CREATED,
  AWAITING_PAYMENT,
  COMPLETED,
  CANCELLED;

  boolean active() {
    return this == CREATED || this == AWAITING_PAYMENT;
  }
}
