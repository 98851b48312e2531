package io.airtix.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.testing.services.TestServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two instances of one service with {@code airtix.redis.enabled} against the tests' Redis ({@link
 * TestServices#redis()}): they draw from the same buckets. A missing Redis fails these tests.
 */
class RateLimiterOnRedisIntegrationTests {

  private static final String HOST = TestServices.redis().host();
  private static final String PORT = String.valueOf(TestServices.redis().port());

  // this run's keys only: runs side by side, or a previous run's buckets, never share one
  private static final String KEY_PREFIX = "airtix-test:rate-limit:" + UUID.randomUUID() + ":";

  private final ApplicationContextRunner instance =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataRedisAutoConfiguration.class, RateLimitAutoConfiguration.class))
          .withPropertyValues(
              "spring.application.name=orders",
              "spring.data.redis.host=" + HOST,
              "spring.data.redis.port=" + PORT,
              "airtix.rate-limits.key-prefix=" + KEY_PREFIX);

  @BeforeAll
  static void redisAnswers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, Integer.parseInt(PORT)), 2_000);
    } catch (IOException ex) {
      throw new IllegalStateException(
          "Redis is required by this test and does not answer at "
              + HOST
              + ":"
              + PORT
              + " ("
              + ex.getMessage()
              + "). Start Redis or set REDIS_HOST/REDIS_PORT.",
          ex);
    }
  }

  @Test
  void twoInstancesDrawFromOneBucket() {
    Quota airline =
        new Quota(
            "per-airline",
            "airline:" + UUID.randomUUID(),
            new RateLimit(5, Duration.ofMinutes(10)));
    instance
        .withPropertyValues("airtix.redis.enabled=true")
        .run(
            first ->
                instance
                    .withPropertyValues("airtix.redis.enabled=true")
                    .run(
                        second -> {
                          RateLimiter one = first.getBean(RateLimiter.class);
                          RateLimiter two = second.getBean(RateLimiter.class);
                          assertThat(one).isNotSameAs(two);

                          one.acquire(airline);
                          two.acquire(airline);
                          one.acquire(airline);
                          two.acquire(airline);
                          one.acquire(airline);

                          assertThatThrownBy(() -> two.acquire(airline))
                              .isInstanceOfSatisfying(
                                  RateLimitedException.class,
                                  refused ->
                                      assertThat(refused.retryAfterSeconds()).isEqualTo(120));
                          assertThatThrownBy(() -> one.acquire(airline))
                              .isInstanceOf(RateLimitedException.class);
                        }));
  }

  @Test
  void asksTheCustomerFirstAndKeepsNoTokenOfARefusedRequest() {
    RateLimit tenMinutes = new RateLimit(2, Duration.ofMinutes(10));
    Quota airline = new Quota("per-airline", "airline:" + UUID.randomUUID(), tenMinutes);
    Quota eager =
        new Quota(
            "per-user", "user:" + UUID.randomUUID(), new RateLimit(1, Duration.ofMinutes(10)));
    Quota patient = new Quota("per-user", "user:" + UUID.randomUUID(), tenMinutes);
    instance
        .withPropertyValues("airtix.redis.enabled=true")
        .run(
            context -> {
              RateLimiter limiter = context.getBean(RateLimiter.class);
              limiter.acquire(eager, airline);

              // over their own limit: refused as such, and the airline's last token stays
              assertThatThrownBy(() -> limiter.acquire(eager, airline))
                  .isInstanceOfSatisfying(
                      RateLimitedException.class,
                      refused -> assertThat(refused.limit()).isEqualTo("per-user"));
              limiter.acquire(patient, airline);

              // refused by the airline: the customer's token is not kept either
              assertThatThrownBy(() -> limiter.acquire(patient, airline))
                  .isInstanceOfSatisfying(
                      RateLimitedException.class,
                      refused -> {
                        assertThat(refused.limit()).isEqualTo("per-airline");
                        // two tokens per 10 minutes: the next one comes after 5 minutes
                        assertThat(refused.retryAfterSeconds()).isEqualTo(300);
                      });
              assertThatCode(() -> limiter.acquire(patient)).doesNotThrowAnyException();
              assertThatThrownBy(() -> limiter.acquire(patient))
                  .isInstanceOf(RateLimitedException.class);
            });
  }

  @Test
  void keepsTheBucketsUnderTheServicesPrefixAndLetsThemExpireOnceFullAgain() {
    String key = "user:" + UUID.randomUUID();
    instance
        .withPropertyValues("airtix.redis.enabled=true")
        .run(
            context -> {
              context
                  .getBean(RateLimiter.class)
                  .acquire(new Quota("per-user", key, new RateLimit(2, Duration.ofMinutes(1))));

              StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
              String stored = KEY_PREFIX + "{orders}:" + key;
              assertThat(redis.hasKey(stored)).isTrue();
              // refilled within 30 s (one token at 2 a minute), kept a little beyond that, then
              // gone
              assertThat(redis.getExpire(stored)).isBetween(1L, 60L);
            });
  }

  @Test
  void startsAndAdmitsRequestsWhileRedisIsUnreachable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Quota user =
        new Quota(
            "per-user", "user:" + UUID.randomUUID(), new RateLimit(1, Duration.ofMinutes(10)));
    instance
        .withPropertyValues("airtix.redis.enabled=true", "spring.data.redis.port=" + closedPort)
        .run(
            context -> {
              RateLimiter limiter = context.getBean(RateLimiter.class);

              // nothing counts them while Redis is away: the sale goes on
              assertThatCode(
                      () -> {
                        limiter.acquire(user);
                        limiter.acquire(user);
                      })
                  .doesNotThrowAnyException();
            });
  }

  @Test
  void keepsBucketsInEachInstanceWithoutRedis() {
    Quota user =
        new Quota(
            "per-user", "user:" + UUID.randomUUID(), new RateLimit(1, Duration.ofMinutes(10)));
    instance.run(
        first ->
            instance.run(
                second -> {
                  first.getBean(RateLimiter.class).acquire(user);

                  assertThatCode(() -> second.getBean(RateLimiter.class).acquire(user))
                      .doesNotThrowAnyException();
                  assertThatThrownBy(() -> first.getBean(RateLimiter.class).acquire(user))
                      .isInstanceOf(RateLimitedException.class);
                }));
  }
}
