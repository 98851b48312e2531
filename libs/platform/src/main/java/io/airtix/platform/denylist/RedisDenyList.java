package io.airtix.platform.denylist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The durable copy of the deny-list, in Redis, shared by every service of the distributed mode: it
 * outlives the instances, which seed their own copy in memory from it ({@link #copyInto}) and never
 * ask it at request time. Each entry is one key that expires by itself when no token it could
 * refuse is still valid: {@code <prefix>user:<id>} holding the cutoff in epoch milliseconds, {@code
 * <prefix>session:<sid>} holding when it ended, and {@code <prefix>everyone} holding the cutoff of
 * a realm-wide sign-out.
 */
final class RedisDenyList implements DenyList {

  private final StringRedisTemplate redis;
  private final String prefix;
  private final Duration retention;
  private final Clock clock;

  RedisDenyList(StringRedisTemplate redis, String prefix, Duration retention, Clock clock) {
    this.redis = redis;
    this.prefix = prefix;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public void denyUser(String userId, Instant issuedUpTo) {
    raiseCutoff(prefix + "user:" + userId, issuedUpTo);
  }

  @Override
  public void denyEveryone(Instant issuedUpTo) {
    raiseCutoff(prefix + "everyone", issuedUpTo);
  }

  private void raiseCutoff(String key, Instant issuedUpTo) {
    Duration ttl = ttl(issuedUpTo);
    if (ttl == null) {
      return;
    }
    String known = redis.opsForValue().get(key);
    // a late, older ban must not move the cutoff back
    if (known == null || Long.parseLong(known) < issuedUpTo.toEpochMilli()) {
      redis.opsForValue().set(key, String.valueOf(issuedUpTo.toEpochMilli()), ttl);
    }
  }

  @Override
  public void denySession(String sessionId, Instant endedAt) {
    Duration ttl = ttl(endedAt);
    if (ttl != null) {
      redis
          .opsForValue()
          .set(prefix + "session:" + sessionId, String.valueOf(endedAt.toEpochMilli()), ttl);
    }
  }

  @Override
  public boolean denies(String userId, String sessionId, Instant issuedAt) {
    List<String> values =
        redis
            .opsForValue()
            .multiGet(
                Arrays.asList(
                    prefix + "session:" + (sessionId == null ? "" : sessionId),
                    prefix + "user:" + (userId == null ? "" : userId),
                    prefix + "everyone"));
    if (values == null) {
      return false;
    }
    if (sessionId != null && values.get(0) != null) {
      return true;
    }
    return userId != null && issuedUpTo(values.get(1), issuedAt)
        || issuedUpTo(values.get(2), issuedAt);
  }

  private static boolean issuedUpTo(String cutoff, Instant issuedAt) {
    return cutoff != null
        && (issuedAt == null || issuedAt.toEpochMilli() <= Long.parseLong(cutoff));
  }

  /**
   * Enters every entry still in Redis into {@code target}: how an instance learns the bans made
   * before it started, or while its own queue was not there.
   */
  void copyInto(DenyList target) {
    List<String> keys = new ArrayList<>();
    try (Cursor<String> scan =
        redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(1_000).build())) {
      scan.forEachRemaining(keys::add);
    }
    if (keys.isEmpty()) {
      return;
    }
    List<String> values = redis.opsForValue().multiGet(keys);
    for (int i = 0; i < keys.size(); i++) {
      String value = values == null ? null : values.get(i);
      if (value != null) {
        copy(
            keys.get(i).substring(prefix.length()),
            Instant.ofEpochMilli(Long.parseLong(value)),
            target);
      }
    }
  }

  private static void copy(String entry, Instant time, DenyList target) {
    if (entry.equals("everyone")) {
      target.denyEveryone(time);
    } else if (entry.startsWith("user:")) {
      target.denyUser(entry.substring("user:".length()), time);
    } else if (entry.startsWith("session:")) {
      target.denySession(entry.substring("session:".length()), time);
    }
  }

  /** What is left of the entry's life, or null when no token it could refuse is still valid. */
  private Duration ttl(Instant eventTime) {
    Duration left = Duration.between(clock.instant(), eventTime.plus(retention));
    return left.isNegative() || left.isZero() ? null : left;
  }
}
