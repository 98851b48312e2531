package io.airtix.tickets.catalog;

import io.airtix.events.reservations.ReservationRefused;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketDeleted;
import io.airtix.events.tickets.TicketUpdated;
import io.airtix.platform.sqlite.TwoDecimalAmount;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A seat on a flight, offered for sale by its airline. */
@Entity
@Table(name = "ticket")
class Ticket {

  // Text, not a native uuid column, so one migration serves SQLite and PostgreSQL alike
  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 36)
  private UUID id;

  // Null until first persisted, which tells Spring Data the ticket is new despite its assigned id
  @Version private Long version;

  // The version of the ticket's last published event: its own changes count, the orders' holds and
  // sales do not
  private long eventVersion;

  private String airline;
  private String flightNumber;
  private String origin;
  private String destination;
  private Instant departureTime;

  @Enumerated(EnumType.STRING)
  private Cabin cabin;

  private String seat;

  @Convert(converter = TwoDecimalAmount.class)
  private BigDecimal price;

  private String currency;

  @Enumerated(EnumType.STRING)
  private TicketStatus status;

  // The order holding (RESERVED) or having bought (SOLD) the ticket; lets a late or repeated order
  // event tell whether it is about the current hold
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 36)
  private UUID reservedFor;

  private Instant createdAt;
  private Instant updatedAt;

  protected Ticket() {}

  Ticket(UUID id, String airline, TicketDetails details, Instant now) {
    this.id = id;
    this.airline = airline;
    this.status = TicketStatus.AVAILABLE;
    this.createdAt = now;
    apply(details, now);
  }

  /**
   * Changes flight, seat or price; refused while an order holds the ticket or after it was sold.
   */
  void revise(TicketDetails details, Instant now) {
    requireEditable();
    apply(details, now);
    eventVersion++;
  }

  void requireEditable() {
    if (status == TicketStatus.RESERVED) {
      throw new TicketReservedException(id);
    }
    if (status == TicketStatus.SOLD) {
      throw new TicketSoldException(id);
    }
  }

  /**
   * Whether a customer who saw {@code seenVersion} of the ticket's events saw it as it is now; an
   * order made before orders named the version they saw (null) is taken at its word.
   */
  boolean isShownAs(@Nullable Long seenVersion) {
    return seenVersion == null || seenVersion == eventVersion;
  }

  long eventVersion() {
    return eventVersion;
  }

  /** The refusal of an order that saw another version of this ticket. */
  ReservationRefused refusal(UUID orderId) {
    return ReservationRefused.changed(orderId, id, airline, eventVersion, price(), currency);
  }

  boolean isAt(long expectedVersion) {
    return version() == expectedVersion;
  }

  private void apply(TicketDetails details, Instant now) {
    this.flightNumber = details.flightNumber();
    this.origin = details.origin();
    this.destination = details.destination();
    this.departureTime = details.departureTime();
    this.cabin = details.cabin();
    this.seat = details.seat();
    this.price = details.price().setScale(2, RoundingMode.UNNECESSARY);
    this.currency = details.currency();
    this.updatedAt = now;
  }

  UUID id() {
    return id;
  }

  long version() {
    return version == null ? 0 : version;
  }

  String airline() {
    return airline;
  }

  String flightNumber() {
    return flightNumber;
  }

  String origin() {
    return origin;
  }

  String destination() {
    return destination;
  }

  Instant departureTime() {
    return departureTime;
  }

  Cabin cabin() {
    return cabin;
  }

  String seat() {
    return seat;
  }

  BigDecimal price() {
    return price;
  }

  String currency() {
    return currency;
  }

  TicketStatus status() {
    return status;
  }

  /** The event of a ticket just put on sale (version 0). */
  TicketCreated created() {
    return new TicketCreated(
        id,
        eventVersion,
        airline,
        flightNumber,
        origin,
        destination,
        departureTime,
        cabin.name(),
        seat,
        price(),
        currency,
        status.name());
  }

  /** The event of a revision, with the full new state and version, so replicas need no lookup. */
  TicketUpdated updated() {
    return new TicketUpdated(
        id,
        eventVersion,
        airline,
        flightNumber,
        origin,
        destination,
        departureTime,
        cabin.name(),
        seat,
        price(),
        currency,
        status.name());
  }

  /** The event of a withdrawal: one version past the last event, as a deletion is a change too. */
  TicketDeleted deleted() {
    return new TicketDeleted(id, eventVersion + 1, airline);
  }

  /**
   * An order holds the ticket. The orders database lets only one order at a time be active for a
   * ticket, so a hold of another order means that order ended and its cancellation is still on the
   * way: the newer order wins.
   *
   * @return whether the ticket changed
   */
  boolean reserveFor(UUID orderId, Instant now) {
    if (status == TicketStatus.SOLD || orderId.equals(reservedFor)) {
      return false;
    }
    this.status = TicketStatus.RESERVED;
    this.reservedFor = orderId;
    this.updatedAt = now;
    return true;
  }

  /**
   * The order ended without a sale: available again, but only if that order is the one holding the
   * ticket.
   */
  boolean releaseFrom(UUID orderId, Instant now) {
    if (status != TicketStatus.RESERVED || !orderId.equals(reservedFor)) {
      return false;
    }
    this.status = TicketStatus.AVAILABLE;
    this.reservedFor = null;
    this.updatedAt = now;
    return true;
  }

  /** The order was paid. Never sold twice, and never from under another order's hold. */
  boolean sellTo(UUID orderId, Instant now) {
    if (status == TicketStatus.SOLD
        || status == TicketStatus.RESERVED && !orderId.equals(reservedFor)) {
      return false;
    }
    this.status = TicketStatus.SOLD;
    this.reservedFor = orderId;
    this.updatedAt = now;
    return true;
  }

  UUID reservedFor() {
    return reservedFor;
  }

  // Tests use this to set the stage without an order
  void markReserved() {
    this.status = TicketStatus.RESERVED;
  }
}
