package io.airtix.orders.ticketreplica;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketUpdated;
import io.airtix.platform.sqlite.TwoDecimalAmount;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The orders service's copy of one ticket, as the tickets service's last applied event described it. Written only
 * by {@link TicketEvents}; {@code version} is the tickets service's, not an optimistic lock of ours.
 */
@Entity
@Table(name = "ticket_replica")
class TicketReplica {

  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 36)
  private UUID id;

  private long version;
  private String airline;
  private String flightNumber;
  private String origin;
  private String destination;
  private Instant departureTime;
  @Convert(converter = TwoDecimalAmount.class)
  private BigDecimal price;
  private String currency;
  private String status;

  protected TicketReplica() {
  }

  TicketReplica(TicketCreated created) {
    this.id = created.ticketId();
    apply(created.version(), created.airline(), created.flightNumber(), created.origin(), created.destination(),
        created.departureTime(), created.price(), created.currency(), created.status());
  }

  void apply(TicketUpdated updated) {
    apply(updated.version(), updated.airline(), updated.flightNumber(), updated.origin(), updated.destination(),
        updated.departureTime(), updated.price(), updated.currency(), updated.status());
  }

  private void apply(long version, String airline, String flightNumber, String origin, String destination,
      Instant departureTime, BigDecimal price, String currency, String status) {
    this.version = version;
    this.airline = airline;
    this.flightNumber = flightNumber;
    this.origin = origin;
    this.destination = destination;
    this.departureTime = departureTime;
    this.price = price.setScale(2, RoundingMode.HALF_EVEN);
    this.currency = currency;
    this.status = status;
  }

  ReplicatedTicket view() {
    return new ReplicatedTicket(id, version, airline, flightNumber, origin, destination, departureTime, price,
        currency, status);
  }
}
