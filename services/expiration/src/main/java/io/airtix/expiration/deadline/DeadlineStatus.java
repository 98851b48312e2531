package io.airtix.expiration.deadline;

/**
 * A deadline is pending until its hold fires or its order ends first; a fired one waits for the end
 * of its payment window, unless its order ends first. Closed and dropped deadlines never change.
 */
enum DeadlineStatus {
  /** The hold has not run out. */
  PENDING,
  /** The hold ran out; the payment window is open. */
  FIRED,
  /** The payment window closed too. */
  CLOSED,
  /** The order ended first. */
  DROPPED
}
