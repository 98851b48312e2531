package io.airtix.testing.postgres;

import io.airtix.testing.services.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test class of a service, created through the server's
 * {@code postgres} database and dropped afterwards, on the server {@link TestServices#postgres()}
 * gives: the one POSTGRES_HOST / POSTGRES_PORT / POSTGRES_USER / POSTGRES_PASSWORD name, the
 * machine's own, or a container. An unreachable server fails the test; it is never skipped.
 */
public final class PostgresTestDatabase {

  private final String name;

  private PostgresTestDatabase(String name) {
    this.name = name;
  }

  /** A database named after the service, e.g. {@code airtix_tickets_test_<random>}. */
  public static PostgresTestDatabase create(String service) {
    String name =
        "airtix_"
            + service
            + "_test_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name);
    return new PostgresTestDatabase(name);
  }

  public String name() {
    return name;
  }

  public static String host() {
    return TestServices.postgres().host();
  }

  public static String port() {
    return String.valueOf(TestServices.postgres().port());
  }

  public static String user() {
    return TestServices.postgres().user();
  }

  public static String password() {
    return TestServices.postgres().password();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + name;
  }

  /** Drops the database even while a connection pool still holds connections to it. */
  public void drop() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String sql) {
    String url = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException ex) {
      throw new IllegalStateException(
          "PostgreSQL is required by this test and not usable at "
              + url
              + " as "
              + user()
              + " ("
              + ex.getMessage()
              + "). Start PostgreSQL, set POSTGRES_HOST/POSTGRES_PORT/"
              + "POSTGRES_USER/POSTGRES_PASSWORD, or give the tests a Docker daemon.",
          ex);
    }
  }
}
