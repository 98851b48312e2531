package io.airtix.platform.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database for one test class, dropped afterwards (POSTGRES_HOST / POSTGRES_PORT
 * / POSTGRES_USER / POSTGRES_PASSWORD, defaults 127.0.0.1, 5432, postgres, empty). An unreachable
 * server fails the test.
 */
final class ScratchPostgres {

  private final String name;

  private ScratchPostgres(String name) {
    this.name = name;
  }

  static ScratchPostgres create() {
    String name =
        "airtix_messaging_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name);
    return new ScratchPostgres(name);
  }

  PGSimpleDataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(
        "jdbc:postgresql://"
            + env("POSTGRES_HOST", "127.0.0.1")
            + ":"
            + env("POSTGRES_PORT", "5432")
            + "/"
            + name);
    dataSource.setUser(env("POSTGRES_USER", "postgres"));
    dataSource.setPassword(env("POSTGRES_PASSWORD", ""));
    return dataSource;
  }

  void drop() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String sql) {
    String url =
        "jdbc:postgresql://"
            + env("POSTGRES_HOST", "127.0.0.1")
            + ":"
            + env("POSTGRES_PORT", "5432")
            + "/postgres";
    try (Connection connection =
            DriverManager.getConnection(
                url, env("POSTGRES_USER", "postgres"), env("POSTGRES_PASSWORD", ""));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException ex) {
      throw new IllegalStateException(
          "PostgreSQL is required by this test and not usable at "
              + url
              + " ("
              + ex.getMessage()
              + "). Start PostgreSQL or set POSTGRES_HOST/POSTGRES_PORT/POSTGRES_USER/POSTGRES_PASSWORD.",
          ex);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
