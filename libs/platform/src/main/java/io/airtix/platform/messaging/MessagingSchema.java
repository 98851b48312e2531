package io.airtix.platform.messaging;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the outbox and inbox tables in the service's database. The platform owns
 * these tables and their SQL, so it keeps their migrations in its jar ({@code db/airtix-messaging})
 * with a history table of their own: every service gets the same tables without copying a
 * migration, and the platform's version numbers never collide with a service's (see
 * docs/decisions/0007-event-backbone.md).
 */
final class MessagingSchema {

  static final String HISTORY_TABLE = "airtix_messaging_history";
  static final String LOCATION = "classpath:db/airtix-messaging";

  private MessagingSchema() {}

  static void migrate(DataSource dataSource, MessagingDatabase database) {
    Flyway.configure(MessagingSchema.class.getClassLoader())
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .locations(LOCATION)
        .placeholders(Map.of("sequence_key", database.sequenceKey()))
        // the service's own tables are there already: start this history at 0 and apply V1 onwards
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
