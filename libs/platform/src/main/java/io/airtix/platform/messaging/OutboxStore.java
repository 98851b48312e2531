package io.airtix.platform.messaging;

import io.airtix.events.EventEnvelope;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox table, in plain SQL that SQLite and PostgreSQL both run. */
final class OutboxStore {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  static final String UNROUTED = "UNROUTED";

  private final JdbcClient jdbc;
  private final MessagingDatabase database;

  OutboxStore(JdbcClient jdbc, MessagingDatabase database) {
    this.jdbc = jdbc;
    this.database = database;
  }

  /** Joins the caller's transaction: the row commits or rolls back with the change it describes. */
  void insert(EventEnvelope<?> envelope, String body, long now) {
    jdbc.sql(
            """
        INSERT INTO airtix_outbox (event_id, event_type, aggregate_id, aggregate_version, body, status, created_at,
                                   attempts, next_attempt_at)
        VALUES (:id, :type, :aggregateId, :version, :body, 'PENDING', :now, 0, :now)
        """)
        .param("id", envelope.id().toString())
        .param("type", envelope.type())
        .param("aggregateId", envelope.aggregateId())
        .param("version", envelope.aggregateVersion())
        .param("body", body)
        .param("now", now)
        .update();
  }

  /**
   * Pending rows that are due, oldest first. On PostgreSQL the rows stay locked until the caller's
   * transaction ends, and rows another relay holds are skipped rather than waited for.
   */
  List<OutboxRow> due(long now, int limit) {
    String lock = database.skipsLockedRows() ? " FOR UPDATE SKIP LOCKED" : "";
    return jdbc.sql(
            """
        SELECT position, event_id, event_type, body, attempts, created_at
        FROM airtix_outbox
        WHERE status = 'PENDING' AND next_attempt_at <= :now
        ORDER BY position
        LIMIT :limit"""
                + lock)
        .param("now", now)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new OutboxRow(
                    rs.getLong("position"),
                    rs.getString("event_id"),
                    rs.getString("event_type"),
                    rs.getString("body"),
                    rs.getInt("attempts"),
                    rs.getLong("created_at")))
        .list();
  }

  /**
   * On PostgreSQL, the current transaction's commit returns without waiting for its WAL to reach
   * the disk. Only for the relay's bookkeeping: a crash of the database may forget a mark made a
   * moment before, which leaves the row pending, so it is sent once more and the consumers drop the
   * copy by its event id. {@code SET LOCAL} ends with the transaction; the pooled connection keeps
   * the server's setting for everything else.
   */
  void commitWithoutWaitingForTheDisk() {
    if (database == MessagingDatabase.POSTGRESQL) {
      jdbc.sql("SET LOCAL synchronous_commit = off").update();
    }
  }

  void markSent(Collection<Long> positions, long now) {
    if (positions.isEmpty()) {
      return;
    }
    jdbc.sql(
            "UPDATE airtix_outbox SET status = 'SENT', done_at = :now, attempts = attempts + 1, last_error = NULL"
                + " WHERE position IN (:positions) AND status = 'PENDING'")
        .param("now", now)
        .param("positions", positions)
        .update();
  }

  void markUnrouted(long position, long now, String error) {
    jdbc.sql(
            "UPDATE airtix_outbox SET status = 'UNROUTED', done_at = :now, attempts = attempts + 1,"
                + " last_error = :error WHERE position = :position AND status = 'PENDING'")
        .param("now", now)
        .param("error", truncate(error))
        .param("position", position)
        .update();
  }

  void reschedule(long position, long nextAttemptAt, String error) {
    jdbc.sql(
            "UPDATE airtix_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error"
                + " WHERE position = :position AND status = 'PENDING'")
        .param("next", nextAttemptAt)
        .param("error", truncate(error))
        .param("position", position)
        .update();
  }

  int deleteDoneBefore(long cutoff) {
    return jdbc.sql("DELETE FROM airtix_outbox WHERE status <> 'PENDING' AND done_at < :cutoff")
        .param("cutoff", cutoff)
        .update();
  }

  long countPending() {
    return jdbc.sql("SELECT COUNT(*) FROM airtix_outbox WHERE status = 'PENDING'")
        .query(Long.class)
        .single();
  }

  /** When the oldest event still waiting for the broker was committed; empty when none waits. */
  Optional<Long> oldestPendingCreatedAt() {
    return jdbc.sql("SELECT MIN(created_at) FROM airtix_outbox WHERE status = 'PENDING'")
        .query(Long.class)
        .optional();
  }

  private static String truncate(String error) {
    return error == null || error.length() <= 500 ? error : error.substring(0, 500);
  }

  /** One pending event as the relay needs it. */
  record OutboxRow(
      long position, String eventId, String type, String body, int attempts, long createdAt) {}
}
