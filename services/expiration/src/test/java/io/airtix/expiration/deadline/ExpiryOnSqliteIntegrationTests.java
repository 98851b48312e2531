package io.airtix.expiration.deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** The standalone mode: a SQLite file, deadlines indexed in memory. */
class ExpiryOnSqliteIntegrationTests extends ExpiryContract {

  @Override
  Map<String, String> freshDatabase() {
    try {
      return Map.of("airtix.data-dir", Files.createTempDirectory("airtix-expiration").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
