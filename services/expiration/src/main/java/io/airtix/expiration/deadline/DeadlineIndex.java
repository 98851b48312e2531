package io.airtix.expiration.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The fast way to know which deadline is next: a Redis sorted set shared by every instance
 * (distributed mode) or a queue in memory (standalone). Never the only record of a deadline: the
 * database is, and a start or a sweep puts back whatever an index lost.
 */
interface DeadlineIndex {

  /** Adds the order's deadline, or moves it when the order is indexed already. */
  void add(UUID orderId, Instant expiresAt);

  void remove(UUID orderId);

  /** Orders whose deadline is at or before {@code now}, earliest first, at most {@code limit}. */
  List<UUID> passed(Instant now, int limit);

  /** The earliest deadline indexed, if any. */
  Optional<Instant> earliest();

  long size();
}
