package io.airtix.orders.reservation;

import io.airtix.events.tickets.TicketCreated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Orders and reservation requests to be varied per test. */
final class OrderMother {

  private OrderMother() {}

  static Order createdOrder() {
    Instant now = Instant.now();
    return new Order(
        UUID.randomUUID(),
        UUID.randomUUID(),
        0,
        "aerolux",
        UUID.randomUUID().toString(),
        new BigDecimal("129.90"),
        "EUR",
        now,
        now.plus(Duration.ofMinutes(15)));
  }

  /** Reserves the ticket at the price it was created with. */
  static ReserveTicketRequest reserve(TicketCreated ticket) {
    return new ReserveTicketRequest(ticket.ticketId(), ticket.price(), ticket.currency());
  }
}
