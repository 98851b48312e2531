package io.airtix.orders.ticketreplica;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The replica of the tickets service's catalogue, in plain SQL that SQLite and PostgreSQL both run:
 * it is on every reservation's path, where an entity's persistence context and dirty checking cost
 * more than the statements themselves. The rest of the orders service may only read it; {@link
 * TicketEvents} keeps it in step with the tickets service's own changes (put on sale, edited,
 * withdrawn). Holds and sales are this service's own orders: the tickets service hears of them, but
 * does not report them back.
 */
@Component
public class ReplicatedTickets {

  private final JdbcClient jdbc;

  ReplicatedTickets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One statement, in the caller's transaction if there is one, else on its own. */
  public Optional<ReplicatedTicket> find(UUID ticketId) {
    return jdbc.sql(
            """
        SELECT id, version, airline, flight_number, origin, destination, departure_time, price, currency, status
        FROM ticket_replica WHERE id = :id""")
        .param("id", ticketId.toString())
        .query(ReplicatedTickets::ticket)
        .optional();
  }

  void insert(ReplicatedTicket ticket) {
    jdbc.sql(
            """
        INSERT INTO ticket_replica (id, version, airline, flight_number, origin, destination, departure_time, price,
                                    currency, status)
        VALUES (:id, :version, :airline, :flightNumber, :origin, :destination, :departureTime, :price, :currency,
                :status)""")
        .paramSource(columns(ticket))
        .update();
  }

  /**
   * @return whether the ticket was there to update
   */
  boolean update(ReplicatedTicket ticket) {
    return jdbc.sql(
                """
        UPDATE ticket_replica SET version = :version, airline = :airline, flight_number = :flightNumber,
            origin = :origin, destination = :destination, departure_time = :departureTime, price = :price,
            currency = :currency, status = :status
        WHERE id = :id""")
            .paramSource(columns(ticket))
            .update()
        == 1;
  }

  void delete(UUID ticketId) {
    jdbc.sql("DELETE FROM ticket_replica WHERE id = :id").param("id", ticketId.toString()).update();
  }

  // Instants as JDBC timestamps: what Hibernate wrote before (epoch milliseconds on SQLite,
  // timestamptz on PostgreSQL)
  private static Columns columns(ReplicatedTicket ticket) {
    return new Columns(
        ticket.id().toString(),
        ticket.version(),
        ticket.airline(),
        ticket.flightNumber(),
        ticket.origin(),
        ticket.destination(),
        Timestamp.from(ticket.departureTime()),
        twoDecimals(ticket.price()),
        ticket.currency(),
        ticket.status());
  }

  private static ReplicatedTicket ticket(ResultSet row, int number) throws SQLException {
    return new ReplicatedTicket(
        UUID.fromString(row.getString("id")),
        row.getLong("version"),
        row.getString("airline"),
        row.getString("flight_number"),
        row.getString("origin"),
        row.getString("destination"),
        row.getTimestamp("departure_time").toInstant(),
        twoDecimals(row.getBigDecimal("price")),
        row.getString("currency"),
        row.getString("status"));
  }

  // SQLite hands back 129.9 (or 129) for a stored 129.90; PostgreSQL keeps the scale
  private static BigDecimal twoDecimals(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  private record Columns(
      String id,
      long version,
      String airline,
      String flightNumber,
      String origin,
      String destination,
      Timestamp departureTime,
      BigDecimal price,
      String currency,
      String status) {}
}
