package io.airtix.expiration.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The distributed mode's index, a sorted set on the machine's Redis. */
class RedisDeadlineIndexIntegrationTests extends DeadlineIndexContract {

  private static StringRedisTemplate redis;

  @BeforeAll
  static void connect() {
    redis = TestRedis.template();
  }

  @AfterAll
  static void deleteKeysAndDisconnect() {
    if (redis != null) {
      TestRedis.close(redis);
    }
  }

  @Override
  DeadlineIndex index() {
    return new RedisDeadlineIndex(redis, TestRedis.uniqueKey());
  }

  @Test
  void isOneSortedSetThatEveryInstanceSees() {
    String key = TestRedis.uniqueKey();
    DeadlineIndex first = new RedisDeadlineIndex(redis, key);
    DeadlineIndex second = new RedisDeadlineIndex(redis, key);
    UUID order = UUID.randomUUID();

    first.add(order, NOON);

    assertThat(second.passed(NOON, 10)).containsExactly(order);
    assertThat(redis.opsForZSet().score(key, order.toString()))
        .isEqualTo((double) NOON.toEpochMilli());
    second.remove(order);
    assertThat(first.size()).isZero();
  }
}
