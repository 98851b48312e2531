package io.airtix.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Buckets in Redis, so every instance of a service draws from the same ones. Bucket4j updates a bucket with
 * compare-and-swap, so concurrent instances never hand out a token twice. A key expires once its bucket would be
 * full again: Redis keeps only the callers of the last refill period.
 *
 * <p>The connection is opened at the first request, not at start: a service starts while Redis is away, and its
 * requests are admitted unchecked until Redis answers (a failed connection is tried again after a pause, so
 * requests do not each wait for it).
 */
final class RedisTokenBuckets implements TokenBuckets {

  // a little beyond "full again", so a bucket is not dropped while a slow instance still updates it
  private static final Duration KEPT_AFTER_FULL = Duration.ofSeconds(10);

  private static final long RECONNECT_PAUSE_NANOS = Duration.ofSeconds(5).toNanos();

  private final Supplier<ProxyManager<byte[]>> connect;
  private final String keyPrefix;
  private volatile ProxyManager<byte[]> buckets;
  private long nextAttempt;

  RedisTokenBuckets(Supplier<ProxyManager<byte[]>> connect, String keyPrefix) {
    this.connect = connect;
    this.keyPrefix = keyPrefix;
  }

  /** Buckets reached through the Lettuce client of Spring Boot's Redis connection. */
  static RedisTokenBuckets of(Supplier<Object> lettuceClient, String keyPrefix, Duration timeout) {
    ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
        KEPT_AFTER_FULL);
    return new RedisTokenBuckets(() -> {
      Object client = lettuceClient.get();
      if (client instanceof RedisClusterClient cluster) {
        return Bucket4jLettuce.casBasedBuilder(cluster).expirationAfterWrite(expiry).requestTimeout(timeout).build();
      }
      if (client instanceof RedisClient standalone) {
        return Bucket4jLettuce.casBasedBuilder(standalone).expirationAfterWrite(expiry).requestTimeout(timeout)
            .build();
      }
      throw new IllegalStateException("Rate limits need a Lettuce Redis client, not " + client);
    }, keyPrefix);
  }

  @Override
  public Bucket bucket(String key, RateLimit limit) {
    return connected().getProxy((keyPrefix + key).getBytes(StandardCharsets.UTF_8),
        () -> TokenBuckets.configuration(limit));
  }

  private ProxyManager<byte[]> connected() {
    ProxyManager<byte[]> current = buckets;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (buckets == null) {
        long now = System.nanoTime();
        if (nextAttempt != 0 && now - nextAttempt < 0) {
          throw new IllegalStateException("Redis was unreachable a moment ago; trying again shortly");
        }
        try {
          buckets = connect.get();
        }
        catch (RuntimeException ex) {
          nextAttempt = now + RECONNECT_PAUSE_NANOS;
          throw ex;
        }
      }
      return buckets;
    }
  }
}
