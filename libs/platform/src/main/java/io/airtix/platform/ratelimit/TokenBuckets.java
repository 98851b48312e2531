package io.airtix.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where the buckets live: in this JVM (standalone) or in Redis, shared by every instance of a service. */
interface TokenBuckets {

  /** The bucket named {@code key}, created full on first use. */
  Bucket bucket(String key, RateLimit limit);

  static Bandwidth bandwidth(RateLimit limit) {
    return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build();
  }

  static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
  }
}
