package io.airtix.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/** The two databases a service may run on: SQLite (standalone) and PostgreSQL (distributed). */
public enum SqlDatabase {
  SQLITE,
  POSTGRESQL;

  /** Which of the two holds the service's tables. */
  public static SqlDatabase of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("sqlite")) {
        return SQLITE;
      }
      if (product.contains("postgres")) {
        return POSTGRESQL;
      }
      throw new IllegalStateException("Airtix runs on SQLite and PostgreSQL, not " + product);
    } catch (SQLException ex) {
      throw new DataAccessResourceFailureException("Cannot tell which database this is", ex);
    }
  }
}
