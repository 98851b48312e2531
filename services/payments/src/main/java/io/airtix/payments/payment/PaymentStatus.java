package io.airtix.payments.payment;

/**
 * PENDING (an attempt is under way: the customer is confirming the intent) → SUCCEEDED (charged) →
 * REFUNDED (the order had been cancelled meanwhile); PENDING → FAILED (nothing charged) → PENDING
 * again with the next attempt; PENDING or FAILED → CANCELLED (the order ended first, and the intent
 * was cancelled at the provider). A late success still counts, from FAILED or CANCELLED: the money
 * was taken, so it is recorded, and refunded when the order is over.
 */
enum PaymentStatus {
  PENDING,
  FAILED,
  SUCCEEDED,
  REFUNDED,
  CANCELLED;

  boolean paid() {
    return this == SUCCEEDED || this == REFUNDED;
  }
}
