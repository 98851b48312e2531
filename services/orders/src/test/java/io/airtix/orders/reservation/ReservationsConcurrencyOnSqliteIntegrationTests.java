package io.airtix.orders.reservation;

import java.io.IOException;
import java.nio.file.Files;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The standalone database: SQLite has one writer at a time, yet the same partial unique index is
 * what refuses the second order, not the serialisation (every buyer passes the replica's check).
 */
@DirtiesContext
class ReservationsConcurrencyOnSqliteIntegrationTests extends ReservationsConcurrencyContract {

  @DynamicPropertySource
  static void scratchDataDir(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("airtix-orders-concurrency").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @Override
  int buyers() {
    return 60;
  }

  @Override
  int tickets() {
    return 15;
  }

  @Override
  int rounds() {
    return 2;
  }

  @Override
  int buyersOfOneTicket() {
    return 30;
  }

  @Override
  int threads() {
    return 8;
  }
}
