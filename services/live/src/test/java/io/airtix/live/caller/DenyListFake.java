package io.airtix.live.caller;

import io.airtix.platform.denylist.DenyList;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The deny-list's rules in memory, without retention: what {@link LivePasses} asks. */
final class DenyListFake implements DenyList {

  private final Map<String, Instant> users = new ConcurrentHashMap<>();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Instant> everyone = new AtomicReference<>();

  @Override
  public void denyUser(String userId, Instant issuedUpTo) {
    users.merge(userId, issuedUpTo, (old, added) -> old.isAfter(added) ? old : added);
  }

  @Override
  public void denyEveryone(Instant issuedUpTo) {
    everyone.set(issuedUpTo);
  }

  @Override
  public void denySession(String sessionId, Instant endedAt) {
    sessions.add(sessionId);
  }

  @Override
  public boolean denies(String userId, String sessionId, Instant issuedAt) {
    if (sessionId != null && sessions.contains(sessionId)) {
      return true;
    }
    return refuses(users.get(userId), issuedAt) || refuses(everyone.get(), issuedAt);
  }

  private static boolean refuses(Instant cutoff, Instant issuedAt) {
    return cutoff != null && (issuedAt == null || !issuedAt.isAfter(cutoff));
  }
}
