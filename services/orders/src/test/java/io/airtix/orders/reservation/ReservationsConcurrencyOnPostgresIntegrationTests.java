package io.airtix.orders.reservation;

import io.airtix.testing.postgres.PostgresTestDatabase;
import io.airtix.testing.services.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 200 buyers for 50 tickets, three rounds, and 100 buyers for one ticket, on the machine's
 * PostgreSQL.
 */
@ActiveProfiles("distributed")
@DirtiesContext
class ReservationsConcurrencyOnPostgresIntegrationTests extends ReservationsConcurrencyContract {

  private static PostgresTestDatabase database;

  @DynamicPropertySource
  static void scratchDatabase(DynamicPropertyRegistry registry) {
    database = PostgresTestDatabase.create("orders");
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", PostgresTestDatabase::user);
    registry.add("spring.datasource.password", PostgresTestDatabase::password);
    // the distributed profile's broker and the rate limits' Redis: the tests' own
    registry.add("spring.rabbitmq.host", () -> TestServices.rabbitMq().host());
    registry.add("spring.rabbitmq.port", () -> TestServices.rabbitMq().port());
    registry.add("spring.data.redis.host", () -> TestServices.redis().host());
    registry.add("spring.data.redis.port", () -> TestServices.redis().port());
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.drop();
    }
  }

  @Override
  int buyers() {
    return 200;
  }

  @Override
  int tickets() {
    return 50;
  }

  @Override
  int rounds() {
    return 3;
  }

  @Override
  int buyersOfOneTicket() {
    return 100;
  }

  @Override
  int threads() {
    // more threads than pooled connections (10): buyers also queue for a connection, as under real
    // load
    return 32;
  }
}
