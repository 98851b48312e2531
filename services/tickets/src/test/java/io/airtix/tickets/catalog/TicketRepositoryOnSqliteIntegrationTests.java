package io.airtix.tickets.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The standalone database: a SQLite file, configured exactly as tickets.yaml does. */
// the outbox rows these tests leave behind need no broker
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "airtix.messaging.outbox.relay=false")
class TicketRepositoryOnSqliteIntegrationTests extends TicketRepositoryContract {

  @DynamicPropertySource
  static void sqliteInTemporaryFolder(DynamicPropertyRegistry registry) throws IOException {
    Path dataDir = Files.createTempDirectory("airtix-tickets-sqlite").resolve("not-yet-created");
    registry.add("airtix.data-dir", dataDir::toString);
  }
}
