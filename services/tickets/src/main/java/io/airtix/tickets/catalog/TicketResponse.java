package io.airtix.tickets.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A ticket as the API shows it. {@code version} goes back in the next update. */
record TicketResponse(
    UUID id,
    String airline,
    String flightNumber,
    String origin,
    String destination,
    Instant departureTime,
    Cabin cabin,
    String seat,
    BigDecimal price,
    String currency,
    TicketStatus status,
    long version) {

  static TicketResponse from(Ticket ticket) {
    return new TicketResponse(
        ticket.id(),
        ticket.airline(),
        ticket.flightNumber(),
        ticket.origin(),
        ticket.destination(),
        ticket.departureTime(),
        ticket.cabin(),
        ticket.seat(),
        ticket.price(),
        ticket.currency(),
        ticket.status(),
        ticket.version());
  }
}
