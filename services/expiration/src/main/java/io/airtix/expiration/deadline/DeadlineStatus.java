package io.airtix.expiration.deadline;

/**
 * A deadline is pending until it fires or its order ends first; only a pending deadline ever
 * changes.
 */
enum DeadlineStatus {
  PENDING,
  FIRED,
  DROPPED
}
