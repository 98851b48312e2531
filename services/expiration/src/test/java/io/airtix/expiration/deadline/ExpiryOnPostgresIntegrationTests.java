package io.airtix.expiration.deadline;

import io.airtix.testing.postgres.PostgresTestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The distributed mode: profile {@code distributed} on the machine's PostgreSQL (a scratch database
 * per test) with deadlines indexed in a sorted set on the machine's Redis, under a key of this test
 * run.
 */
class ExpiryOnPostgresIntegrationTests extends ExpiryContract {

  private final List<PostgresTestDatabase> databases = new ArrayList<>();
  private StringRedisTemplate redis;

  @BeforeAll
  void requireRedis() {
    redis = TestRedis.template();
  }

  @AfterAll
  void dropDatabasesAndKeys() {
    databases.forEach(PostgresTestDatabase::drop);
    if (redis != null) {
      TestRedis.close(redis);
    }
  }

  @Override
  Map<String, String> freshDatabase() {
    PostgresTestDatabase database = PostgresTestDatabase.create("expiration");
    databases.add(database);
    return Map.of(
        "spring.profiles.active", "distributed",
        "spring.datasource.url", database.jdbcUrl(),
        "spring.datasource.username", PostgresTestDatabase.user(),
        "spring.datasource.password", PostgresTestDatabase.password(),
        "spring.data.redis.host", TestRedis.host(),
        "spring.data.redis.port", String.valueOf(TestRedis.port()),
        "airtix.expiration.redis-key", TestRedis.uniqueKey());
  }
}
