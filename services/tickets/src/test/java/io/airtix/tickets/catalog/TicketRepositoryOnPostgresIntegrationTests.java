package io.airtix.tickets.catalog;

import io.airtix.testing.postgres.PostgresTestDatabase;
import io.airtix.testing.services.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The distributed database: PostgreSQL through the "distributed" profile, in a scratch database.
 */
// the outbox rows these tests leave behind need no broker
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "airtix.messaging.outbox.relay=false")
@ActiveProfiles("distributed")
class TicketRepositoryOnPostgresIntegrationTests extends TicketRepositoryContract {

  private static PostgresTestDatabase database;

  @DynamicPropertySource
  static void scratchDatabase(DynamicPropertyRegistry registry) {
    database = PostgresTestDatabase.create("tickets");
    registry.add("POSTGRES_HOST", PostgresTestDatabase::host);
    registry.add("POSTGRES_PORT", PostgresTestDatabase::port);
    registry.add("POSTGRES_USER", PostgresTestDatabase::user);
    registry.add("POSTGRES_PASSWORD", PostgresTestDatabase::password);
    registry.add("POSTGRES_DB", database::name);
    // the distributed profile's inbox listens on the tests' broker, not on whatever answers on
    // localhost
    registry.add("RABBITMQ_HOST", () -> TestServices.rabbitMq().host());
    registry.add("RABBITMQ_PORT", () -> TestServices.rabbitMq().port());
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.drop();
    }
  }
}
