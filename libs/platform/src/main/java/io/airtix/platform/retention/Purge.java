package io.airtix.platform.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;

/**
 * Rows a service keeps for a while only: a bean of this type is purged every {@link
 * RetentionSettings#interval()} of what is older than its retention. A purge deletes by age only,
 * so several instances may run it at once: each row goes once.
 *
 * @param name what it keeps, for the log: "sent events", "settled deadlines"
 * @param deleteOlderThan deletes what is older than the cutoff it is given, answers how many rows
 *     went
 */
public record Purge(String name, Duration retention, ToIntFunction<Instant> deleteOlderThan) {

  int purgeBefore(Instant cutoff) {
    return deleteOlderThan.applyAsInt(cutoff);
  }
}
