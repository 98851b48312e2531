package io.airtix.expiration.deadline;

import io.airtix.testing.services.TestServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The tests' Redis ({@link TestServices#redis()}: the one REDIS_HOST / REDIS_PORT name, the
 * machine's own, or a container). A missing Redis fails the test; it is never skipped. Keys start
 * with a prefix of their test run, so runs side by side never share a sorted set.
 */
final class TestRedis {

  /** Unique to this test JVM; every key a test uses starts with it. */
  static final String PREFIX = "test:airtix:expiration:" + UUID.randomUUID() + ":";

  private TestRedis() {}

  static String host() {
    return TestServices.redis().host();
  }

  static int port() {
    return TestServices.redis().port();
  }

  /** A key no other test (or run) uses. */
  static String uniqueKey() {
    return PREFIX + UUID.randomUUID();
  }

  static void requireRedis() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), port()), 2_000);
    } catch (IOException ex) {
      throw new IllegalStateException(
          "Redis is required by this test and does not answer at "
              + host()
              + ":"
              + port()
              + " ("
              + ex.getMessage()
              + "). Start Redis or set REDIS_HOST/REDIS_PORT.",
          ex);
    }
  }

  /** A template on its own connection; {@link #close(StringRedisTemplate)} ends it. */
  static StringRedisTemplate template() {
    requireRedis();
    LettuceConnectionFactory connections =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration(host(), port()));
    connections.afterPropertiesSet();
    connections.start();
    StringRedisTemplate template = new StringRedisTemplate(connections);
    template.afterPropertiesSet();
    return template;
  }

  /** Deletes every key of this run and closes the connection. */
  static void close(StringRedisTemplate template) {
    try {
      var keys = template.keys(PREFIX + "*");
      if (keys != null && !keys.isEmpty()) {
        template.delete(keys);
      }
    } finally {
      ((LettuceConnectionFactory) template.getConnectionFactory()).destroy();
    }
  }
}
