package io.airtix.platform.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Buckets in Redis, so every instance of a service draws from the same ones. One script takes the
 * tokens of all a request's buckets in one round trip: Redis runs it atomically, so concurrent
 * instances never hand out a token twice, and a refused request takes nothing (the same "customer
 * first, nothing kept when refused" as the buckets in memory). Buckets refill gradually by Redis's
 * own clock, and a key expires once its bucket would be full again: Redis keeps only the callers of
 * the last refill period.
 *
 * <p>The connection is opened at the first request, not at start: a service starts while Redis is
 * away, and its requests are admitted unchecked until Redis answers (a failed connection is tried
 * again after a pause, so requests do not each wait for it).
 */
final class RedisTokenBuckets implements TokenBuckets {

  // a little beyond "full again", so a bucket is not dropped while a slow instance still updates it
  private static final Duration KEPT_AFTER_FULL = Duration.ofSeconds(10);

  private static final long RECONNECT_PAUSE_NANOS = Duration.ofSeconds(5).toNanos();

  /**
   * KEYS: the buckets, in the order asked. ARGV: each bucket's capacity and refill period in
   * microseconds, then how many milliseconds a key outlives its bucket's being full again. Returns
   * {0, 0} when every bucket gave a token, else {the refusing bucket's position (from 1),
   * microseconds until it has a token}. A bucket is a hash of its tokens (fractional while
   * refilling) and the microsecond they were counted at.
   */
  static final String TAKE_ONE_EACH =
      """
      if redis.replicate_commands then redis.replicate_commands() end
      local clock = redis.call('TIME')
      local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
      local keptAfterFull = tonumber(ARGV[#ARGV])
      local left = {}
      for i, key in ipairs(KEYS) do
        local capacity = tonumber(ARGV[2 * i - 1])
        local period = tonumber(ARGV[2 * i])
        local state = redis.call('HMGET', key, 'tokens', 'at')
        local tokens = capacity
        if state[1] then
          local elapsed = math.max(0, now - tonumber(state[2]))
          tokens = math.min(capacity, tonumber(state[1]) + elapsed * capacity / period)
        end
        if tokens < 1 then
          return {i, math.ceil((1 - tokens) * period / capacity)}
        end
        left[i] = tokens - 1
      end
      for i, key in ipairs(KEYS) do
        local capacity = tonumber(ARGV[2 * i - 1])
        local period = tonumber(ARGV[2 * i])
        redis.call('HSET', key, 'tokens', string.format('%.17g', left[i]), 'at', string.format('%d', now))
        local untilFull = math.ceil((capacity - left[i]) * period / capacity / 1000)
        redis.call('PEXPIRE', key, string.format('%d', untilFull + keptAfterFull))
      end
      return {0, 0}
      """;

  private final Supplier<RedisScriptingCommands<String, String>> connect;
  private final String keyPrefix;
  private volatile RedisScriptingCommands<String, String> redis;
  private volatile String scriptDigest;
  private long nextAttempt;

  RedisTokenBuckets(Supplier<RedisScriptingCommands<String, String>> connect, String keyPrefix) {
    this.connect = connect;
    this.keyPrefix = keyPrefix;
  }

  /**
   * Buckets reached through the Lettuce client of Spring Boot's Redis connection, on a connection
   * of their own whose commands wait at most {@code timeout}. {@code keyPrefix} must put a
   * request's keys in one hash slot on a Redis cluster (a script's keys must share one), e.g. with
   * the service's name as hash tag.
   */
  static RedisTokenBuckets of(Supplier<Object> lettuceClient, String keyPrefix, Duration timeout) {
    return new RedisTokenBuckets(
        () -> {
          Object client = lettuceClient.get();
          if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<String, String> connection = cluster.connect();
            connection.setTimeout(timeout);
            return connection.sync();
          }
          if (client instanceof RedisClient standalone) {
            StatefulRedisConnection<String, String> connection = standalone.connect();
            connection.setTimeout(timeout);
            return connection.sync();
          }
          throw new IllegalStateException("Rate limits need a Lettuce Redis client, not " + client);
        },
        keyPrefix);
  }

  @Override
  public Refusal takeOneEach(List<Quota> quotas) {
    String[] keys = new String[quotas.size()];
    String[] arguments = new String[2 * quotas.size() + 1];
    for (int i = 0; i < quotas.size(); i++) {
      RateLimit limit = quotas.get(i).limit();
      keys[i] = keyPrefix + quotas.get(i).key();
      arguments[2 * i] = Long.toString(limit.capacity());
      arguments[2 * i + 1] = Long.toString(limit.period().toNanos() / 1_000);
    }
    arguments[arguments.length - 1] = Long.toString(KEPT_AFTER_FULL.toMillis());
    List<Long> answer = run(keys, arguments);
    int refusing = answer.get(0).intValue();
    return refusing == 0
        ? null
        : new Refusal(quotas.get(refusing - 1), Duration.ofNanos(answer.get(1) * 1_000));
  }

  private List<Long> run(String[] keys, String[] arguments) {
    RedisScriptingCommands<String, String> commands = connected();
    try {
      return commands.evalsha(scriptDigest, ScriptOutputType.MULTI, keys, arguments);
    } catch (RedisNoScriptException notLoadedYet) {
      // the first call after a start or a restart of Redis sends the script itself, which Redis
      // then keeps
      return commands.eval(TAKE_ONE_EACH, ScriptOutputType.MULTI, keys, arguments);
    }
  }

  private RedisScriptingCommands<String, String> connected() {
    RedisScriptingCommands<String, String> current = redis;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (redis == null) {
        long now = System.nanoTime();
        if (nextAttempt != 0 && now - nextAttempt < 0) {
          throw new IllegalStateException(
              "Redis was unreachable a moment ago; trying again shortly");
        }
        try {
          RedisScriptingCommands<String, String> commands = connect.get();
          scriptDigest = commands.digest(TAKE_ONE_EACH);
          redis = commands;
        } catch (RuntimeException ex) {
          nextAttempt = now + RECONNECT_PAUSE_NANOS;
          throw ex;
        }
      }
      return redis;
    }
  }
}
