package io.airtix.expiration.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The standalone mode's index: one process, so a sorted set in memory, refilled from the database
 * at every start.
 */
final class InMemoryDeadlineIndex implements DeadlineIndex {

  private record Entry(Instant at, UUID orderId) {}

  private static final Comparator<Entry> EARLIEST_FIRST =
      Comparator.comparing(Entry::at).thenComparing(Entry::orderId);

  private final TreeSet<Entry> byTime = new TreeSet<>(EARLIEST_FIRST);
  private final Map<UUID, Entry> byOrder = new HashMap<>();

  @Override
  public synchronized void add(UUID orderId, Instant expiresAt) {
    Entry entry = new Entry(expiresAt, orderId);
    Entry previous = byOrder.put(orderId, entry);
    if (previous != null) {
      byTime.remove(previous);
    }
    byTime.add(entry);
  }

  @Override
  public synchronized void remove(UUID orderId) {
    Entry entry = byOrder.remove(orderId);
    if (entry != null) {
      byTime.remove(entry);
    }
  }

  @Override
  public synchronized List<UUID> passed(Instant now, int limit) {
    List<UUID> passed = new ArrayList<>();
    for (Entry entry : byTime) {
      if (entry.at().isAfter(now) || passed.size() == limit) {
        break;
      }
      passed.add(entry.orderId());
    }
    return passed;
  }

  @Override
  public synchronized Optional<Instant> earliest() {
    return byTime.isEmpty() ? Optional.empty() : Optional.of(byTime.first().at());
  }

  @Override
  public synchronized long size() {
    return byOrder.size();
  }
}
