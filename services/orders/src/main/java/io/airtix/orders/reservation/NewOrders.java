package io.airtix.orders.reservation;

import io.airtix.platform.jdbc.SqlDatabase;
import java.sql.Timestamp;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A reservation's own statements, in plain SQL that SQLite and PostgreSQL both run: whether its
 * ticket is taken, and its new order. On the sale's hot path an entity's persistence context costs
 * more than the statements. Every later change of the order goes through {@link Order} and its
 * repository, which read the row as Hibernate would have written it.
 */
@Component
class NewOrders {

  private final JdbcClient jdbc;
  private final SqlDatabase database;

  NewOrders(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.database = SqlDatabase.of(dataSource);
  }

  /**
   * How many tickets the customer holds (orders created or awaiting payment), counted in the
   * caller's transaction while the customer's other reservations wait: on PostgreSQL behind a
   * transaction-scoped advisory lock on the customer, on SQLite behind the write lock every
   * transaction takes at its start ({@code transaction_mode=IMMEDIATE}).
   */
  long holdsOf(String customerId) {
    if (database == SqlDatabase.POSTGRESQL) {
      jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:customerId))")
          .param("customerId", customerId)
          .query((row, number) -> null)
          .list();
    }
    return jdbc.sql(
            """
        SELECT COUNT(*) FROM orders
        WHERE customer_id = :customerId AND status IN ('CREATED', 'AWAITING_PAYMENT')""")
        .param("customerId", customerId)
        .query(Long.class)
        .single();
  }

  /**
   * Whether an order holds the ticket (created or awaiting payment) or bought it (completed): the
   * orders are this service's own, so the answer is never behind. Only the polite early answer for
   * a hold: of two reservations racing for one ticket, the partial unique index lets one insert
   * commit.
   */
  boolean ticketTaken(UUID ticketId) {
    return jdbc.sql(
                """
        SELECT COUNT(*) FROM orders
        WHERE ticket_id = :ticketId AND status IN ('CREATED', 'AWAITING_PAYMENT', 'COMPLETED')""")
            .param("ticketId", ticketId.toString())
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * In the caller's transaction, at version 0, as Hibernate persists a new versioned entity.
   *
   * @throws org.springframework.dao.DataAccessException among others when the partial unique index
   *     refuses a second active order of the ticket
   */
  void insert(Order order) {
    jdbc.sql(
            """
        INSERT INTO orders (id, version, ticket_id, ticket_version, airline, customer_id, price, currency, status,
                            created_at, expires_at, updated_at)
        VALUES (:id, 0, :ticketId, :ticketVersion, :airline, :customerId, :price, :currency, :status, :createdAt,
                :expiresAt, :createdAt)""")
        .param("id", order.id().toString())
        .param("ticketId", order.ticketId().toString())
        .param("ticketVersion", order.ticketVersion())
        .param("airline", order.airline())
        .param("customerId", order.customerId())
        .param("price", order.price())
        .param("currency", order.currency())
        .param("status", order.status().name())
        // JDBC timestamps: epoch milliseconds on SQLite, timestamptz on PostgreSQL, as Hibernate
        // writes an Instant
        .param("createdAt", Timestamp.from(order.createdAt()))
        .param("expiresAt", Timestamp.from(order.expiresAt()))
        .update();
  }
}
