package io.airtix.expiration.deadline;

/**
 * Which of an order's deadlines is due next: first the hold ({@link DeadlineStatus#PENDING}), then
 * the end of the payment window ({@link DeadlineStatus#FIRED}); decision 0025.
 */
enum DeadlineStage {
  /** The hold runs out; an order whose payment has not started is cancelled. */
  HOLD,
  /** The payment window closes; an order still unpaid is cancelled, whatever its payment does. */
  PAYMENT
}
