package io.airtix.launcher.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A ticket the demo puts on sale. Departure is relative to the day the demo data is created, so
 * tickets are always in the future when they are made.
 */
public record DemoTicket(
    String airline,
    String flightNumber,
    String origin,
    String destination,
    Duration departureFromToday,
    String cabin,
    String seat,
    BigDecimal price,
    String currency) {

  /** The body of {@code POST /api/tickets}. */
  public TicketRequest toRequest(Instant today) {
    Instant departure = today.truncatedTo(ChronoUnit.DAYS).plus(departureFromToday);
    return new TicketRequest(
        airline,
        flightNumber,
        origin,
        destination,
        departure.toString(),
        cabin,
        seat,
        price,
        currency);
  }

  public record TicketRequest(
      String airline,
      String flightNumber,
      String origin,
      String destination,
      String departureTime,
      String cabin,
      String seat,
      BigDecimal price,
      String currency) {}
}
