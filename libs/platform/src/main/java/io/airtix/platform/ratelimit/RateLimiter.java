package io.airtix.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a request when every bucket it draws from has a token, refuses it with {@link RateLimitedException}
 * otherwise. The buckets live in memory (standalone) or in Redis (with {@code airtix.redis.enabled}). See
 * docs/decisions/0011-rate-limits-and-reliability.md.
 */
public class RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final TokenBuckets buckets;
  private final MeterRegistry meters;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

  RateLimiter(TokenBuckets buckets, MeterRegistry meters) {
    this.buckets = buckets;
    this.meters = meters == null ? Metrics.globalRegistry : meters;
  }

  /** In-memory buckets, for tests and single-instance use. */
  public static RateLimiter inMemory() {
    return new RateLimiter(new LocalTokenBuckets(), null);
  }

  /**
   * Takes one token from each quota's bucket, in the order given. When one is empty, the tokens already taken for
   * this request are given back (a refused request counts against no limit) and the request is refused.
   *
   * <p>When the buckets cannot be reached (Redis down) the request is admitted: limits share capacity fairly, they
   * guard no invariant (the database does), so an outage of Redis must not stop the sale.
   *
   * @throws RateLimitedException naming the first empty bucket's quota and when it has a token again
   */
  public void acquire(Quota... quotas) {
    List<Bucket> taken = new ArrayList<>(quotas.length);
    try {
      for (Quota quota : quotas) {
        Bucket bucket = buckets.bucket(quota.key(), quota.limit());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
          taken.forEach(earlier -> earlier.addTokens(1));
          meters.counter("airtix.rate-limit.refusals", "limit", quota.name()).increment();
          throw new RateLimitedException(quota.name(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
        taken.add(bucket);
      }
    }
    catch (RateLimitedException refused) {
      throw refused;
    }
    catch (RuntimeException unreachable) {
      warnAtMostEveryMinute(unreachable);
    }
  }

  private void warnAtMostEveryMinute(RuntimeException ex) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      log.warn("Rate limits not checked, requests are admitted until their buckets can be reached again: {}",
          ex.toString());
    }
  }
}
