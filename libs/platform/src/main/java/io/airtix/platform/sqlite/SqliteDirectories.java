package io.airtix.platform.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * SQLite creates its database file but not the folder holding it. Before the data source is set up,
 * creates the parent folder of a {@code jdbc:sqlite:} file URL, so the standalone mode works from a
 * fresh checkout ({@code ./data/tickets.db}).
 */
public class SqliteDirectories implements BeanPostProcessor {

  private final Environment environment;

  public SqliteDirectories(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource) {
      String url = environment.getProperty("spring.datasource.url");
      Path file = databaseFile(url);
      if (file != null && file.getParent() != null) {
        try {
          Files.createDirectories(file.getParent());
        } catch (IOException ex) {
          throw new UncheckedIOException("Cannot create the folder for " + url, ex);
        }
      }
    }
    return bean;
  }

  static Path databaseFile(String url) {
    if (url == null || !url.startsWith("jdbc:sqlite:")) {
      return null;
    }
    String location = url.substring("jdbc:sqlite:".length());
    int query = location.indexOf('?');
    if (query >= 0) {
      location = location.substring(0, query);
    }
    if (location.startsWith("file:")) {
      location = location.substring("file:".length());
    }
    if (location.isEmpty()
        || location.startsWith(":memory:")
        || location.startsWith(":resource:")) {
      return null;
    }
    return Path.of(location);
  }
}
