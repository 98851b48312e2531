package io.airtix.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import java.util.List;

/**
 * Where the buckets live: in this JVM (standalone) or in Redis, shared by every instance of a
 * service.
 */
interface TokenBuckets {

  /**
   * Takes one token from each quota's bucket, or none at all: the first quota, in the order given,
   * whose bucket is empty refuses the request, and a refused request keeps no token of any bucket.
   * A bucket is created full on first use.
   *
   * @return null when every bucket gave its token, else the refusing quota and when its bucket has
   *     a token again
   */
  Refusal takeOneEach(List<Quota> quotas);

  /** The quota whose bucket was empty, and how long until its bucket has a token again. */
  record Refusal(Quota quota, Duration retryAfter) {}

  static Bandwidth bandwidth(RateLimit limit) {
    return Bandwidth.builder()
        .capacity(limit.capacity())
        .refillGreedy(limit.capacity(), limit.period())
        .build();
  }
}
