package io.airtix.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class RateLimiterTests {

  private static final RateLimit THREE_PER_MINUTE = new RateLimit(3, Duration.ofMinutes(1));

  private final ManualTime time = new ManualTime();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RateLimiter limiter = new RateLimiter(new LocalTokenBuckets(time), meters);

  @Test
  void admitsUpToTheCapacityThenRefusesWith429AndTheWaitForTheNextToken() {
    Quota user = new Quota("per-user", "user:a", THREE_PER_MINUTE);
    limiter.acquire(user);
    limiter.acquire(user);
    limiter.acquire(user);

    assertThatThrownBy(() -> limiter.acquire(user))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            refused -> {
              assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
              assertThat(refused.getBody().getType().toString()).endsWith("/rate-limited");
              assertThat(refused.code()).isEqualTo("RATE_LIMITED");
              assertThat(refused.limit()).isEqualTo("per-user");
              // three tokens a minute, refilled gradually: the next one comes after 20 s
              assertThat(refused.retryAfterSeconds()).isEqualTo(20);
              assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("20");
            });
    assertThat(meters.counter("airtix.rate-limit.refusals", "limit", "per-user").count())
        .isEqualTo(1);
  }

  @Test
  void refillsGraduallyOverThePeriod() {
    Quota user = new Quota("per-user", "user:a", THREE_PER_MINUTE);
    for (int i = 0; i < 3; i++) {
      limiter.acquire(user);
    }

    time.advance(Duration.ofSeconds(19));
    assertThatThrownBy(() -> limiter.acquire(user))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(1));
    time.advance(Duration.ofSeconds(1));
    assertThatCode(() -> limiter.acquire(user)).doesNotThrowAnyException();
    assertThatThrownBy(() -> limiter.acquire(user)).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void keepsOneBucketPerKey() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire(new Quota("per-user", "user:a", THREE_PER_MINUTE));
    }

    assertThatCode(() -> limiter.acquire(new Quota("per-user", "user:b", THREE_PER_MINUTE)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> limiter.acquire(new Quota("per-user", "user:a", THREE_PER_MINUTE)))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void namesTheFirstEmptyBucketAndGivesBackTheTokensTakenBeforeIt() {
    RateLimit one = new RateLimit(1, Duration.ofMinutes(1));
    Quota airline = new Quota("per-airline", "airline:aerolux", one);
    limiter.acquire(airline);

    Quota user = new Quota("per-user", "user:a", one);
    assertThatThrownBy(() -> limiter.acquire(user, airline))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            refused -> assertThat(refused.limit()).isEqualTo("per-airline"));

    // the refused request took nothing from the user's own bucket
    assertThatCode(() -> limiter.acquire(user)).doesNotThrowAnyException();
  }

  @Test
  void aRefusalByTheFirstBucketLeavesTheLaterOnesUntouched() {
    RateLimit one = new RateLimit(1, Duration.ofMinutes(1));
    Quota user = new Quota("per-user", "user:a", one);
    Quota airline = new Quota("per-airline", "airline:aerolux", one);
    limiter.acquire(user);

    assertThatThrownBy(() -> limiter.acquire(user, airline))
        .isInstanceOf(RateLimitedException.class);

    assertThatCode(() -> limiter.acquire(new Quota("per-user", "user:b", one), airline))
        .doesNotThrowAnyException();
  }

  @Test
  void admitsRequestsWhileTheBucketsCannotBeReached() {
    RateLimiter withoutRedis =
        new RateLimiter(
            quotas -> {
              throw new IllegalStateException("Redis is down");
            },
            meters);

    assertThatCode(() -> withoutRedis.acquire(new Quota("per-user", "user:a", THREE_PER_MINUTE)))
        .doesNotThrowAnyException();
  }

  @Test
  void roundsTheWaitUpToWholeSecondsAndNeverBelowOne() {
    assertThat(RateLimitedException.wholeSeconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(RateLimitedException.wholeSeconds(Duration.ZERO)).isEqualTo(1);
    assertThat(RateLimitedException.wholeSeconds(Duration.ofMillis(2001))).isEqualTo(3);
    assertThat(RateLimitedException.wholeSeconds(Duration.ofSeconds(20))).isEqualTo(20);
  }

  @Test
  void refusesLimitsWithoutCapacityOrPeriod() {
    assertThatThrownBy(() -> new RateLimit(0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimit(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
