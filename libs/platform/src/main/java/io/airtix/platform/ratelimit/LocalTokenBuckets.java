package io.airtix.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in this JVM. A full bucket is the same as no bucket, so full ones are dropped once there
 * are many: the map holds the callers active within one refill period, not everyone who ever
 * called.
 */
final class LocalTokenBuckets implements TokenBuckets {

  static final int SWEEP_ABOVE = 10_000;

  private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

  private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong();
  private final TimeMeter time;

  LocalTokenBuckets() {
    this(TimeMeter.SYSTEM_NANOTIME);
  }

  LocalTokenBuckets(TimeMeter time) {
    this.time = time;
  }

  @Override
  public Refusal takeOneEach(List<Quota> quotas) {
    List<Bucket> taken = new ArrayList<>(quotas.size());
    for (Quota quota : quotas) {
      Bucket bucket = bucket(quota.key(), quota.limit());
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        // the tokens already taken for this request go back
        taken.forEach(earlier -> earlier.addTokens(1));
        return new Refusal(quota, Duration.ofNanos(probe.getNanosToWaitForRefill()));
      }
      taken.add(bucket);
    }
    return null;
  }

  /** The bucket named {@code key}, created full on first use. */
  Bucket bucket(String key, RateLimit limit) {
    sweepIfCrowded();
    return buckets
        .computeIfAbsent(
            key,
            ignored ->
                new Entry(
                    Bucket.builder()
                        .withCustomTimePrecision(time)
                        .addLimit(TokenBuckets.bandwidth(limit))
                        .build(),
                    limit.capacity()))
        .bucket();
  }

  int size() {
    return buckets.size();
  }

  private void sweepIfCrowded() {
    if (buckets.size() <= SWEEP_ABOVE) {
      return;
    }
    long now = System.nanoTime();
    long last = lastSweep.get();
    // at most one sweep a second, by one thread: a crowd of busy callers must not make every
    // request scan the map. A bucket swept while a request holds it costs at most that one token,
    // never a refusal.
    if (now - last < SWEEP_EVERY_NANOS && last != 0 || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    buckets.values().removeIf(entry -> entry.bucket().getAvailableTokens() >= entry.capacity());
  }

  private record Entry(Bucket bucket, long capacity) {}
}
