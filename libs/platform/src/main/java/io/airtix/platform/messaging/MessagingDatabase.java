package io.airtix.platform.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/** The two databases a service may keep its messaging tables in, and what differs between them. */
enum MessagingDatabase {
  SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", false),
  POSTGRESQL("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", true);

  private final String sequenceKey;
  private final boolean skipsLockedRows;

  MessagingDatabase(String sequenceKey, boolean skipsLockedRows) {
    this.sequenceKey = sequenceKey;
    this.skipsLockedRows = skipsLockedRows;
  }

  String sequenceKey() {
    return sequenceKey;
  }

  /**
   * PostgreSQL: several instances of a service relay side by side, each claiming rows with {@code
   * FOR UPDATE SKIP LOCKED}. SQLite has one writer and one process per file; there the relay reads
   * without a lock and never holds a write transaction while it waits for the broker.
   */
  boolean skipsLockedRows() {
    return skipsLockedRows;
  }

  static MessagingDatabase of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("sqlite")) {
        return SQLITE;
      }
      if (product.contains("postgres")) {
        return POSTGRESQL;
      }
      throw new IllegalStateException(
          "Airtix messaging supports SQLite and PostgreSQL, not " + product);
    } catch (SQLException ex) {
      throw new DataAccessResourceFailureException(
          "Cannot tell which database holds the messaging tables", ex);
    }
  }
}
