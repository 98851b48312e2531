package io.airtix.platform.ratelimit;

import java.time.Duration;

/**
 * A token bucket: at most {@code capacity} requests in a burst, refilled gradually so that {@code
 * capacity} more are allowed per {@code period}. Bound from configuration, e.g. {@code capacity:
 * 20, period: 1m}.
 */
public record RateLimit(long capacity, Duration period) {

  public RateLimit {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "A rate limit needs a capacity of at least 1, not " + capacity);
    }
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(
          "A rate limit needs a positive refill period, not " + period);
    }
  }
}
