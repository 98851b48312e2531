package io.airtix.expiration.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deadlines table, the source of truth. Every change is a conditional update of a row in the
 * state it expects (pending, or fired with its payment window open), so of two instances (or two
 * threads) settling the same deadline exactly one changes it, on SQLite and PostgreSQL alike.
 */
@Repository
class Deadlines {

  /** The deadline due next: the hold while pending, the end of the payment window once fired. */
  private static final RowMapper<Deadline> DEADLINE =
      (row, number) -> {
        boolean holdFired = DeadlineStatus.FIRED.name().equals(row.getString("status"));
        return new Deadline(
            UUID.fromString(row.getString("order_id")),
            row.getLong("order_version"),
            row.getString("airline"),
            Instant.ofEpochMilli(row.getLong(holdFired ? "window_closes_at" : "expires_at")),
            holdFired ? DeadlineStage.PAYMENT : DeadlineStage.HOLD);
      };

  /** Rows with a deadline still to come: a hold, or an open payment window. */
  private static final String DUE =
      "(status = 'PENDING' OR (status = 'FIRED' AND window_closes_at IS NOT NULL))";

  /** The moment such a row is due. */
  private static final String DUE_AT =
      "CASE WHEN status = 'PENDING' THEN expires_at ELSE window_closes_at END";

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
   * The order ended before its deadlines: neither the hold nor the payment window fires any more.
   * False when nothing was due.
   */
  boolean drop(UUID orderId, Instant now) {
    return jdbc.sql(
                "UPDATE deadline SET status = 'DROPPED', settled_at = :now"
                    + " WHERE order_id = :orderId AND "
                    + DUE)
            .param("now", now.toEpochMilli())
            .param("orderId", orderId.toString())
            .update()
        == 1;
  }

  /**
   * Fires the order's next deadline if it passed, unless another call (or instance) fired or
   * dropped it first. A hold that fires opens the payment window, which ends {@code paymentWindow}
   * after the hold; the end of the window that fires closes the deadline.
   *
   * @return the deadline that fired here, as it was due
   */
  Optional<Deadline> fire(UUID orderId, Instant now, Duration paymentWindow) {
    Optional<Deadline> due =
        jdbc.sql("SELECT * FROM deadline WHERE order_id = ? AND " + DUE)
            .param(orderId.toString())
            .query(DEADLINE)
            .optional()
            .filter(deadline -> !deadline.expiresAt().isAfter(now));
    if (due.isEmpty()) {
      return Optional.empty();
    }
    boolean hold = due.get().stage() == DeadlineStage.HOLD;
    int changed =
        jdbc.sql(
                hold
                    ? "UPDATE deadline SET status = 'FIRED', settled_at = :now,"
                        + " window_closes_at = expires_at + :window"
                        + " WHERE order_id = :orderId AND status = 'PENDING' AND expires_at <= :now"
                    : "UPDATE deadline SET status = 'CLOSED', settled_at = :now"
                        + " WHERE order_id = :orderId AND status = 'FIRED'"
                        + " AND window_closes_at <= :now")
            .param("now", now.toEpochMilli())
            .param("window", paymentWindow.toMillis())
            .param("orderId", orderId.toString())
            .update();
    return changed == 1 ? due : Optional.empty();
  }

  /** Every deadline still to fire, earliest first: what a start puts into the index. */
  List<Deadline> pending() {
    return jdbc.sql("SELECT * FROM deadline WHERE " + DUE + " ORDER BY " + DUE_AT)
        .query(DEADLINE)
        .list();
  }

  /** Pending deadlines that passed, earliest first. */
  List<Deadline> passed(Instant now, int limit) {
    return jdbc.sql(
            "SELECT * FROM deadline WHERE (status = 'PENDING' AND expires_at <= :now)"
                + " OR (status = 'FIRED' AND window_closes_at <= :now)"
                + " ORDER BY "
                + DUE_AT
                + " LIMIT :limit")
        .param("now", now.toEpochMilli())
        .param("limit", limit)
        .query(DEADLINE)
        .list();
  }

  /**
   * Forgets the deadlines that will never fire again and settled before {@code cutoff}.
   *
   * @return how many went
   */
  int purgeSettledBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM deadline WHERE settled_at < :cutoff AND NOT " + DUE)
        .param("cutoff", cutoff.toEpochMilli())
        .update();
  }

  /** Holds that have not run out. */
  long countPending() {
    return jdbc.sql("SELECT count(*) FROM deadline WHERE status = 'PENDING'")
        .query(Long.class)
        .single();
  }

  /** Holds that ran out while their payment window is open. */
  long countOpenPaymentWindows() {
    return jdbc.sql(
            "SELECT count(*) FROM deadline WHERE status = 'FIRED' AND window_closes_at IS NOT NULL")
        .query(Long.class)
        .single();
  }

  Optional<DeadlineStatus> statusOf(UUID orderId) {
    return jdbc.sql("SELECT status FROM deadline WHERE order_id = ?")
        .param(orderId.toString())
        .query((row, number) -> DeadlineStatus.valueOf(row.getString(1)))
        .optional();
  }
}
