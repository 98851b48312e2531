package io.airtix.platform.messaging;

import io.airtix.events.EventEnvelope;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox tables: applied event ids, the last applied version per aggregate, and events that came
 * early.
 */
final class InboxStore {

  private final JdbcClient jdbc;
  private final MessagingDatabase database;

  InboxStore(JdbcClient jdbc, MessagingDatabase database) {
    this.jdbc = jdbc;
    this.database = database;
  }

  boolean isApplied(String eventId) {
    return jdbc.sql("SELECT COUNT(*) FROM airtix_inbox WHERE event_id = :id")
            .param("id", eventId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The unique key turns a concurrent second application of the same event into a failure, then a
   * retry.
   */
  void recordApplied(EventEnvelope<?> envelope, long now) {
    jdbc.sql(
            """
        INSERT INTO airtix_inbox (event_id, event_type, aggregate_id, aggregate_version, applied_at)
        VALUES (:id, :type, :aggregateId, :version, :now)""")
        .param("id", envelope.id().toString())
        .param("type", envelope.type())
        .param("aggregateId", envelope.aggregateId())
        .param("version", envelope.aggregateVersion())
        .param("now", now)
        .update();
  }

  /**
   * The last version applied for this aggregate, -1 before its first event, held until the
   * transaction ends: consumers applying events of one aggregate side by side take turns. Without
   * it, a consumer could park a version because it read the position before a predecessor's
   * transaction committed, after that transaction had looked for parked successors: the parked
   * version would wait for the aggregate's next event. On PostgreSQL the row lock does it (the
   * insert of a first position waits for another transaction's insert of the same); on SQLite the
   * transaction's write lock lets one writer through at a time anyway.
   */
  long claim(String stream, String aggregateId) {
    jdbc.sql(
            "INSERT INTO airtix_inbox_position (stream, aggregate_id, version) VALUES (:stream, :id, -1)"
                + " ON CONFLICT (stream, aggregate_id) DO NOTHING")
        .param("stream", stream)
        .param("id", aggregateId)
        .update();
    String lock = database == MessagingDatabase.POSTGRESQL ? " FOR UPDATE" : "";
    return jdbc.sql(
            "SELECT version FROM airtix_inbox_position WHERE stream = :stream AND aggregate_id = :id"
                + lock)
        .param("stream", stream)
        .param("id", aggregateId)
        .query(Long.class)
        .single();
  }

  /**
   * Moves the aggregate from {@code last} (as {@link #claim} gave it) to {@code version}, at {@code
   * now}; {@code ended} when that version ends the aggregate. Conditional on {@code last}, so two
   * consumers that applied versions of one aggregate side by side cannot both commit: the loser
   * rolls back and retries.
   */
  void advance(
      String stream, String aggregateId, long last, long version, long now, boolean ended) {
    int moved =
        jdbc.sql(
                "UPDATE airtix_inbox_position SET version = :version, changed_at = :now,"
                    + " ended_at = :endedAt"
                    + " WHERE stream = :stream AND aggregate_id = :id AND version = :last")
            .param("version", version)
            .param("now", now)
            .param("endedAt", ended ? now : null, Types.BIGINT)
            .param("stream", stream)
            .param("id", aggregateId)
            .param("last", last)
            .update();
    if (moved != 1) {
      throw new ConcurrentInboxUpdateException(
          stream
              + " "
              + aggregateId
              + " moved past version "
              + last
              + " while version "
              + version
              + " was applied");
    }
  }

  /**
   * Forgets what no delivery will ask about any more: the ids of events applied before {@code
   * cutoff}, the positions of aggregates that ended before it, and, of the streams applied
   * newer-only, the positions that have not moved since (a newer event is applied without one; an
   * older one is not expected after that long). Positions of streams applied in sequence stay while
   * their aggregate lives: without one, its next version would wait for version 0 forever.
   * Concurrent purges of several instances delete the same rows at most once.
   *
   * @return how many rows went
   */
  int purgeBefore(long cutoff, Collection<String> newerOnlyStreams) {
    int purged =
        jdbc.sql("DELETE FROM airtix_inbox WHERE applied_at < :cutoff")
            .param("cutoff", cutoff)
            .update();
    purged +=
        jdbc.sql("DELETE FROM airtix_inbox_position WHERE ended_at < :cutoff")
            .param("cutoff", cutoff)
            .update();
    if (!newerOnlyStreams.isEmpty()) {
      purged +=
          jdbc.sql(
                  "DELETE FROM airtix_inbox_position"
                      + " WHERE stream IN (:streams) AND changed_at < :cutoff")
              .param("streams", List.copyOf(newerOnlyStreams))
              .param("cutoff", cutoff)
              .update();
    }
    return purged;
  }

  /** Events waiting for a predecessor that has not been applied. */
  long countParked() {
    return jdbc.sql("SELECT COUNT(*) FROM airtix_inbox_parked").query(Long.class).single();
  }

  boolean isParked(String eventId) {
    return jdbc.sql("SELECT COUNT(*) FROM airtix_inbox_parked WHERE event_id = :id")
            .param("id", eventId)
            .query(Long.class)
            .single()
        > 0;
  }

  void park(EventEnvelope<?> envelope, String stream, String body, long now) {
    jdbc.sql(
            """
        INSERT INTO airtix_inbox_parked (event_id, stream, aggregate_id, aggregate_version, body, parked_at)
        VALUES (:id, :stream, :aggregateId, :version, :body, :now)""")
        .param("id", envelope.id().toString())
        .param("stream", stream)
        .param("aggregateId", envelope.aggregateId())
        .param("version", envelope.aggregateVersion())
        .param("body", body)
        .param("now", now)
        .update();
  }

  /** Parked events of this aggregate and version (normally one). */
  List<Parked> parked(String stream, String aggregateId, long version) {
    return jdbc.sql(
            "SELECT event_id, body FROM airtix_inbox_parked"
                + " WHERE stream = :stream AND aggregate_id = :id AND aggregate_version = :version ORDER BY parked_at")
        .param("stream", stream)
        .param("id", aggregateId)
        .param("version", version)
        .query((rs, row) -> new Parked(rs.getString("event_id"), rs.getString("body")))
        .list();
  }

  void unpark(String eventId) {
    jdbc.sql("DELETE FROM airtix_inbox_parked WHERE event_id = :id").param("id", eventId).update();
  }

  /** Drops parked events that are now older than the aggregate's position. */
  void unparkUpTo(String stream, String aggregateId, long version) {
    jdbc.sql(
            "DELETE FROM airtix_inbox_parked"
                + " WHERE stream = :stream AND aggregate_id = :id AND aggregate_version <= :version")
        .param("stream", stream)
        .param("id", aggregateId)
        .param("version", version)
        .update();
  }

  record Parked(String eventId, String body) {}

  /** Another consumer applied a version of the same aggregate first; retrying sorts it out. */
  static final class ConcurrentInboxUpdateException extends RuntimeException {

    ConcurrentInboxUpdateException(String message) {
      super(message);
    }
  }
}
