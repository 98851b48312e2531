package io.airtix.payments.payment;

/**
 * PENDING (an attempt is under way: the customer is confirming the intent) → SUCCEEDED (charged) →
 * REFUNDED (the order had been cancelled meanwhile); PENDING → FAILED (nothing charged) → PENDING
 * again with the next attempt. A late success of an earlier attempt still counts: FAILED →
 * SUCCEEDED.
 */
enum PaymentStatus {
  PENDING,
  FAILED,
  SUCCEEDED,
  REFUNDED;

  boolean paid() {
    return this == SUCCEEDED || this == REFUNDED;
  }
}
