package io.airtix.tickets.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.testing.postgres.PostgresTestDatabase;
import io.airtix.testing.services.TestServices;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The search on PostgreSQL, with the plans its EXPLAIN gives. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "spring.jpa.properties.hibernate.session_factory.statement_inspector=io.airtix.tickets.catalog.RecordedStatements",
      "spring.jpa.properties.hibernate.jdbc.batch_size=500"
    })
@ActiveProfiles("distributed")
class TicketSearchOnPostgresIntegrationTests extends TicketSearchContract {

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

  // autovacuum would get there too, later; the planner needs the table's statistics to choose
  @Override
  void afterSeeding(JdbcClient jdbc) {
    jdbc.sql("VACUUM ANALYZE ticket").update();
  }

  @Override
  String planOf(String sql, List<Object> filters, int size) {
    // Hibernate pages with "offset ? rows fetch first ? rows only", the first page too
    List<Object> values = new ArrayList<>(filters);
    values.add(0);
    values.add(size);
    return JdbcClient.create(dataSource)
        .sql("EXPLAIN " + sql)
        .params(values)
        .query((rs, row) -> rs.getString(1))
        .list()
        .stream()
        .collect(Collectors.joining("\n"));
  }

  @Override
  void assertReadInOrderFrom(String index, String plan) {
    assertThat(plan)
        .containsPattern("Index (Only )?Scan using " + index + "\\b")
        .doesNotContain("Sort");
  }
}
