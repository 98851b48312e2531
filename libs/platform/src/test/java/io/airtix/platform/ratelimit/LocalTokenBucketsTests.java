package io.airtix.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalTokenBucketsTests {

  private static final RateLimit TWO_PER_MINUTE = new RateLimit(2, Duration.ofMinutes(1));

  @Test
  void forgetsFullBucketsOnceThereAreManyButKeepsTheOnesInUse() {
    ManualTime time = new ManualTime();
    LocalTokenBuckets buckets = new LocalTokenBuckets(time);
    buckets.bucket("busy", TWO_PER_MINUTE).tryConsume(2);
    for (int i = 0; i < LocalTokenBuckets.SWEEP_ABOVE; i++) {
      buckets.bucket("idle-" + i, TWO_PER_MINUTE);
    }

    buckets.bucket("one-more", TWO_PER_MINUTE);

    assertThat(buckets.size()).isLessThan(10);
    assertThat(buckets.bucket("busy", TWO_PER_MINUTE).getAvailableTokens()).isZero();
  }
}
