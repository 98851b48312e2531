package io.airtix.events.reservations;

import io.airtix.events.AggregateEvent;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * The tickets service will not let an order hold its ticket: the ticket changed after the customer
 * saw it, or it was withdrawn, before the catalogue heard of the order. The orders service ends the
 * order; a payment made for it meanwhile is refunded. At most one per order, always version 0.
 *
 * @param orderId the order refused, which is also the aggregate
 * @param reason {@link #TICKET_CHANGED} or {@link #TICKET_WITHDRAWN}
 * @param ticketVersion the ticket's current version; null when it was withdrawn
 * @param price the ticket's current price; null when it was withdrawn
 * @param currency the currency of {@code price}; null when it was withdrawn
 */
public record ReservationRefused(
    UUID orderId,
    long version,
    UUID ticketId,
    String airline,
    String reason,
    Long ticketVersion,
    BigDecimal price,
    String currency)
    implements AggregateEvent {

  public static final String TYPE = "reservation.refused";

  /** The ticket's flight, seat or price changed since the version the order names. */
  public static final String TICKET_CHANGED = "TICKET_CHANGED";

  /** The airline withdrew the ticket. */
  public static final String TICKET_WITHDRAWN = "TICKET_WITHDRAWN";

  public ReservationRefused {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(reason, "reason");
  }

  /** The ticket is gone. */
  public static ReservationRefused withdrawn(UUID orderId, UUID ticketId, String airline) {
    return new ReservationRefused(
        orderId, 0, ticketId, airline, TICKET_WITHDRAWN, null, null, null);
  }

  /** The ticket is now at {@code ticketVersion}, for {@code price}. */
  public static ReservationRefused changed(
      UUID orderId,
      UUID ticketId,
      String airline,
      long ticketVersion,
      BigDecimal price,
      String currency) {
    return new ReservationRefused(
        orderId, 0, ticketId, airline, TICKET_CHANGED, ticketVersion, price, currency);
  }

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return orderId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }

  /** Yes: the refusal is the only event of its stream. */
  @Override
  public boolean endsAggregate() {
    return true;
  }

  @Override
  public String tenant() {
    return airline;
  }
}
