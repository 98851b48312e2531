package io.airtix.testing.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every value of every table of a database, as text: where a person's data could hide. Proves an
 * erasure by finding nothing, whatever table or column a later change adds.
 */
public final class DatabaseScan {

  private DatabaseScan() {}

  /** The cells (table.column = value) that contain {@code needle}, ignoring case. */
  public static List<String> find(DataSource dataSource, String needle) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return find(connection, needle);
    }
  }

  /** The same for the database at {@code jdbcUrl}, e.g. {@code jdbc:sqlite:/path/orders.db}. */
  public static List<String> find(String jdbcUrl, String needle) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
      return find(connection, needle);
    }
  }

  /** How many rows each table holds: a request that changes one wrote something. */
  public static Map<String, Long> rowCounts(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Map<String, Long> counts = new TreeMap<>();
      for (String table : tables(connection)) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the rows of the database", e);
    }
  }

  private static List<String> find(Connection connection, String needle) throws SQLException {
    List<String> found = new ArrayList<>();
    String wanted = needle.toLowerCase(Locale.ROOT);
    for (String table : tables(connection)) {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int column = 1; column <= columns; column++) {
            Object value = rows.getObject(column);
            if (value != null && String.valueOf(value).toLowerCase(Locale.ROOT).contains(wanted)) {
              found.add(table + "." + rows.getMetaData().getColumnName(column) + " = " + value);
            }
          }
        }
      }
    }
    return found;
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    DatabaseMetaData metaData = connection.getMetaData();
    try (ResultSet result = metaData.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (result.next()) {
        String schema = result.getString("TABLE_SCHEM");
        String name = result.getString("TABLE_NAME");
        if (schema == null || !schema.startsWith("pg_") && !schema.equals("information_schema")) {
          tables.add(schema == null ? name : schema + "." + name);
        }
      }
    }
    return tables;
  }
}
