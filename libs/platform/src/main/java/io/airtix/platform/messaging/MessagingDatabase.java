package io.airtix.platform.messaging;

import io.airtix.platform.jdbc.SqlDatabase;
import javax.sql.DataSource;

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
    return switch (SqlDatabase.of(dataSource)) {
      case SQLITE -> SQLITE;
      case POSTGRESQL -> POSTGRESQL;
    };
  }
}
