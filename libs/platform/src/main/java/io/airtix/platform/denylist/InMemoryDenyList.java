package io.airtix.platform.denylist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The deny-list of one instance, in memory: what the token validation asks on every request, in
 * both modes. Each instance hears every ban on a queue of its own, so instances agree without
 * sharing state at request time. In the distributed mode it is seeded at start, and kept in step,
 * from the durable copy in Redis ({@link StoredBans}); in the standalone mode a restarted process
 * forgets what it knew (decision 0044).
 */
final class InMemoryDenyList implements DenyList {

  private final Map<String, Entry> users = new ConcurrentHashMap<>();
  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
  private final AtomicReference<Entry> everyone = new AtomicReference<>();
  private final Duration retention;
  private final Clock clock;

  InMemoryDenyList(Duration retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public void denyUser(String userId, Instant issuedUpTo) {
    purgeExpired();
    Entry entry = new Entry(issuedUpTo, issuedUpTo.plus(retention));
    users.merge(userId, entry, (old, added) -> old.cutoff().isAfter(added.cutoff()) ? old : added);
  }

  @Override
  public void denyEveryone(Instant issuedUpTo) {
    Entry entry = new Entry(issuedUpTo, issuedUpTo.plus(retention));
    everyone.accumulateAndGet(
        entry, (old, added) -> old != null && old.cutoff().isAfter(added.cutoff()) ? old : added);
  }

  @Override
  public void denySession(String sessionId, Instant endedAt) {
    purgeExpired();
    sessions.put(sessionId, new Entry(endedAt, endedAt.plus(retention)));
  }

  @Override
  public boolean denies(String userId, String sessionId, Instant issuedAt) {
    Instant now = clock.instant();
    if (sessionId != null) {
      Entry session = sessions.get(sessionId);
      if (session != null && session.expiresAt().isAfter(now)) {
        return true;
      }
    }
    Entry user = userId == null ? null : users.get(userId);
    return refuses(user, issuedAt, now) || refuses(everyone.get(), issuedAt, now);
  }

  private static boolean refuses(Entry entry, Instant issuedAt, Instant now) {
    return entry != null
        && entry.expiresAt().isAfter(now)
        && (issuedAt == null || !issuedAt.isAfter(entry.cutoff()));
  }

  private void purgeExpired() {
    Instant now = clock.instant();
    users.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
    sessions.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
  }

  private record Entry(Instant cutoff, Instant expiresAt) {}
}
