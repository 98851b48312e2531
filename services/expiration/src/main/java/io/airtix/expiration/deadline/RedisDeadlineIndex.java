package io.airtix.expiration.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * The distributed mode's index: one Redis sorted set for all instances, member = order id, score =
 * deadline in epoch milliseconds. Any instance may fire any deadline in it; the database's
 * conditional update makes sure one does. Key expiry notifications play no part: they are
 * fire-and-forget and late.
 */
final class RedisDeadlineIndex implements DeadlineIndex {

  private final StringRedisTemplate redis;
  private final String key;

  RedisDeadlineIndex(StringRedisTemplate redis, String key) {
    this.redis = redis;
    this.key = key;
  }

  @Override
  public void add(UUID orderId, Instant expiresAt) {
    redis.opsForZSet().add(key, orderId.toString(), expiresAt.toEpochMilli());
  }

  @Override
  public void remove(UUID orderId) {
    redis.opsForZSet().remove(key, orderId.toString());
  }

  @Override
  public List<UUID> passed(Instant now, int limit) {
    Set<String> members =
        redis
            .opsForZSet()
            .rangeByScore(key, Double.NEGATIVE_INFINITY, now.toEpochMilli(), 0, limit);
    return members == null ? List.of() : members.stream().map(UUID::fromString).toList();
  }

  @Override
  public Optional<Instant> earliest() {
    Set<TypedTuple<String>> first = redis.opsForZSet().rangeWithScores(key, 0, 0);
    if (first == null || first.isEmpty()) {
      return Optional.empty();
    }
    Double score = first.iterator().next().getScore();
    return score == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(score.longValue()));
  }

  @Override
  public long size() {
    Long size = redis.opsForZSet().zCard(key);
    return size == null ? 0 : size;
  }
}
