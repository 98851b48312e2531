package io.airtix.platform.denylist;

import io.airtix.testing.services.TestServices;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The distributed mode's deny-list on the tests' Redis (the machine's own or a container); a
 * missing Redis fails the test.
 */
class RedisDenyListIntegrationTests extends DenyListContract {

  private static LettuceConnectionFactory connections;
  private static StringRedisTemplate redis;
  private static final String PREFIX = "airtix-test:deny:" + UUID.randomUUID() + ":";

  @BeforeAll
  static void connect() {
    connections =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration(
                TestServices.redis().host(), TestServices.redis().port()));
    connections.afterPropertiesSet();
    connections.start();
    redis = new StringRedisTemplate(connections);
    // fails here, not later, when Redis does not answer
    redis.execute(connection -> connection.ping(), true);
  }

  @AfterAll
  static void disconnect() {
    redis.delete(redis.keys(PREFIX + "*"));
    connections.destroy();
  }

  @Override
  DenyList denyList(Duration retention) {
    // a prefix per test: a sign-out of everybody in one test must not reach the next
    return new RedisDenyList(redis, PREFIX + UUID.randomUUID() + ":", retention, Clock.systemUTC());
  }
}
