package io.airtix.platform.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

/** The standalone database: a SQLite file opened as the services open theirs. */
class MessagingTablesOnSqliteIntegrationTests extends MessagingTablesContract {

  @Override
  DataSource dataSource() {
    try {
      SQLiteDataSource sqlite = new SQLiteDataSource();
      sqlite.setUrl(
          "jdbc:sqlite:"
              + Files.createTempDirectory("airtix-messaging").resolve("service.db")
              + "?journal_mode=WAL&busy_timeout=5000&transaction_mode=IMMEDIATE");
      return sqlite;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
