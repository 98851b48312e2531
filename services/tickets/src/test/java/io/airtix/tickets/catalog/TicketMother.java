package io.airtix.tickets.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Tickets and ticket requests that pass validation, to be varied per test. */
final class TicketMother {

  private TicketMother() {}

  /** A departure safely in the future, on a whole minute. */
  static Instant nextWeek() {
    return Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
  }

  static TicketDetails economySeat() {
    return new TicketDetails(
        "LX123", "LUX", "CDG", nextWeek(), Cabin.ECONOMY, "12A", new BigDecimal("129.90"), "EUR");
  }

  static Ticket availableTicket(String airline) {
    return new Ticket(UUID.randomUUID(), airline, economySeat(), Instant.now());
  }

  static Ticket ticket(
      String airline, String seat, String origin, String destination, Instant departure) {
    return new Ticket(
        UUID.randomUUID(),
        airline,
        new TicketDetails(
            "LX123",
            origin,
            destination,
            departure,
            Cabin.ECONOMY,
            seat,
            new BigDecimal("99.00"),
            "EUR"),
        Instant.now());
  }

  static CreateTicketRequest createRequest(String airline) {
    TicketDetails seat = economySeat();
    return new CreateTicketRequest(
        airline,
        seat.flightNumber(),
        seat.origin(),
        seat.destination(),
        seat.departureTime(),
        seat.cabin(),
        seat.seat(),
        seat.price(),
        seat.currency());
  }

  static UpdateTicketRequest updateRequest(long version) {
    return new UpdateTicketRequest(
        "LX124",
        "LUX",
        "LHR",
        nextWeek().plus(Duration.ofDays(1)),
        Cabin.BUSINESS,
        "2C",
        new BigDecimal("499.00"),
        "EUR",
        version);
  }
}
