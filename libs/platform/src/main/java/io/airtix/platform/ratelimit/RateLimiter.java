package io.airtix.platform.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a request when every bucket it draws from has a token, refuses it with {@link
 * RateLimitedException} otherwise. The buckets live in memory (standalone) or in Redis (with {@code
 * airtix.redis.enabled}). See docs/decisions/0011-rate-limits-and-reliability.md.
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
   * Takes one token from each quota's bucket, in the order given. When one is empty, the tokens
   * already taken for this request are given back (a refused request counts against no limit) and
   * the request is refused.
   *
   * <p>When the buckets cannot be reached (Redis down) the request is admitted: limits share
   * capacity fairly, they guard no invariant (the database does), so an outage of Redis must not
   * stop the sale.
   *
   * @throws RateLimitedException naming the first empty bucket's quota and when it has a token
   *     again
   */
  public void acquire(Quota... quotas) {
    TokenBuckets.Refusal refusal;
    try {
      refusal = buckets.takeOneEach(List.of(quotas));
    } catch (RuntimeException unreachable) {
      warnAtMostEveryMinute(unreachable);
      return;
    }
    if (refusal != null) {
      meters.counter("airtix.rate-limit.refusals", "limit", refusal.quota().name()).increment();
      throw new RateLimitedException(refusal.quota().name(), refusal.retryAfter());
    }
  }

  private void warnAtMostEveryMinute(RuntimeException ex) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      log.warn(
          "Rate limits not checked, requests are admitted until their buckets can be reached again: {}",
          ex.toString());
    }
  }
}
