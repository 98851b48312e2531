package io.airtix.tickets.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The search on SQLite, configured as tickets.yaml does, with its EXPLAIN QUERY PLAN. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "spring.jpa.properties.hibernate.session_factory.statement_inspector=io.airtix.tickets.catalog.RecordedStatements",
      "spring.jpa.properties.hibernate.jdbc.batch_size=500"
    })
class TicketSearchOnSqliteIntegrationTests extends TicketSearchContract {

  @DynamicPropertySource
  static void sqliteInTemporaryFolder(DynamicPropertyRegistry registry) throws IOException {
    Path dataDir = Files.createTempDirectory("airtix-tickets-search").resolve("not-yet-created");
    registry.add("airtix.data-dir", dataDir::toString);
  }

  // the service never runs ANALYZE on SQLite, so neither does the test: the plans are the ones
  // SQLite chooses without statistics
  @Override
  void afterSeeding(JdbcClient jdbc) {}

  @Override
  String planOf(String sql, List<Object> filters, int size) {
    // SQLite plans without the values: unbound parameters are null
    return JdbcClient.create(dataSource)
        .sql("EXPLAIN QUERY PLAN " + sql)
        .query((rs, row) -> rs.getString("detail"))
        .list()
        .stream()
        .collect(Collectors.joining("\n"));
  }

  @Override
  void assertReadInOrderFrom(String index, String plan) {
    assertThat(plan)
        .containsPattern("USING (COVERING )?INDEX " + index + "\\b")
        .doesNotContain("TEMP B-TREE");
  }
}
