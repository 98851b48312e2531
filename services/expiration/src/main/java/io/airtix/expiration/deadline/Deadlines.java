package io.airtix.expiration.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deadlines table, the source of truth. Every change is a conditional update of a PENDING row,
 * so of two instances (or two threads) settling the same deadline exactly one changes it, on SQLite
 * and PostgreSQL alike.
 */
@Repository
class Deadlines {

  private static final RowMapper<Deadline> DEADLINE =
      (row, number) ->
          new Deadline(
              UUID.fromString(row.getString("order_id")),
              row.getLong("order_version"),
              row.getString("airline"),
              Instant.ofEpochMilli(row.getLong("expires_at")));

  private final JdbcClient jdbc;

  Deadlines(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a new deadline; an order that has one already keeps it (a redelivered order.created).
   */
  boolean schedule(Deadline deadline, Instant now) {
    return jdbc.sql(
                """
            INSERT INTO deadline (order_id, order_version, airline, expires_at, status, scheduled_at)
            VALUES (:orderId, :version, :airline, :expiresAt, 'PENDING', :now)
            ON CONFLICT (order_id) DO NOTHING""")
            .param("orderId", deadline.orderId().toString())
            .param("version", deadline.orderVersion())
            .param("airline", deadline.airline())
            .param("expiresAt", deadline.expiresAt().toEpochMilli())
            .param("now", now.toEpochMilli())
            .update()
        == 1;
  }

  /**
   * The order ended before its deadline: the deadline never fires. False when it was not pending.
   */
  boolean drop(UUID orderId, Instant now) {
    return settle(orderId, DeadlineStatus.DROPPED, now, Long.MAX_VALUE);
  }

  /**
   * Marks a passed deadline fired, unless it fired already, was dropped, or has not passed yet.
   *
   * @return the deadline when this call fired it; empty when another call (or instance) settled it
   *     first
   */
  Optional<Deadline> fire(UUID orderId, Instant now) {
    if (!settle(orderId, DeadlineStatus.FIRED, now, now.toEpochMilli())) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM deadline WHERE order_id = ?")
        .param(orderId.toString())
        .query(DEADLINE)
        .optional();
  }

  /** Every deadline still to fire, earliest first: what a start puts into the index. */
  List<Deadline> pending() {
    return jdbc.sql("SELECT * FROM deadline WHERE status = 'PENDING' ORDER BY expires_at")
        .query(DEADLINE)
        .list();
  }

  /** Pending deadlines that passed, earliest first. */
  List<Deadline> passed(Instant now, int limit) {
    return jdbc.sql(
            "SELECT * FROM deadline WHERE status = 'PENDING' AND expires_at <= ? ORDER BY expires_at LIMIT ?")
        .param(now.toEpochMilli())
        .param(limit)
        .query(DEADLINE)
        .list();
  }

  long countPending() {
    return jdbc.sql("SELECT count(*) FROM deadline WHERE status = 'PENDING'")
        .query(Long.class)
        .single();
  }

  Optional<DeadlineStatus> statusOf(UUID orderId) {
    return jdbc.sql("SELECT status FROM deadline WHERE order_id = ?")
        .param(orderId.toString())
        .query((row, number) -> DeadlineStatus.valueOf(row.getString(1)))
        .optional();
  }

  private boolean settle(UUID orderId, DeadlineStatus outcome, Instant now, long passedBy) {
    return jdbc.sql(
                """
            UPDATE deadline SET status = :outcome, settled_at = :now
            WHERE order_id = :orderId AND status = 'PENDING' AND expires_at <= :passedBy""")
            .param("outcome", outcome.name())
            .param("now", now.toEpochMilli())
            .param("orderId", orderId.toString())
            .param("passedBy", passedBy)
            .update()
        == 1;
  }
}
