package io.airtix.platform.sqlite;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Helpers for services that keep their data in a SQLite file (the standalone mode). */
@AutoConfiguration
public class SqliteAutoConfiguration {

  @Bean
  static SqliteDirectories sqliteDirectories(Environment environment) {
    return new SqliteDirectories(environment);
  }
}
