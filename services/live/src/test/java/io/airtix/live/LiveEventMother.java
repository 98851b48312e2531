package io.airtix.live;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.payments.PaymentStarted;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketUpdated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Events of the backbone as their services publish them, for the live service's tests. */
final class LiveEventMother {

  static final Instant DEPARTURE = Instant.parse("2027-03-14T09:30:00Z");

  private LiveEventMother() {}

  static TicketCreated ticket(String airline) {
    return ticket(airline, "LUX", "CDG", DEPARTURE);
  }

  static TicketCreated ticket(
      String airline, String origin, String destination, Instant departure) {
    return new TicketCreated(
        UUID.randomUUID(),
        0,
        airline,
        "LX401",
        origin,
        destination,
        departure,
        "ECONOMY",
        "12A",
        new BigDecimal("120.00"),
        "EUR",
        "AVAILABLE");
  }

  static TicketUpdated repriced(TicketCreated ticket, String price) {
    return new TicketUpdated(
        ticket.ticketId(),
        ticket.version() + 1,
        ticket.airline(),
        ticket.flightNumber(),
        ticket.origin(),
        ticket.destination(),
        ticket.departureTime(),
        ticket.cabin(),
        ticket.seat(),
        new BigDecimal(price),
        ticket.currency(),
        ticket.status());
  }

  static OrderCreated order(TicketCreated ticket, String customerId) {
    return order(ticket, customerId, Duration.ofMinutes(15));
  }

  static OrderCreated order(TicketCreated ticket, String customerId, Duration hold) {
    return new OrderCreated(
        UUID.randomUUID(),
        0,
        ticket.ticketId(),
        ticket.airline(),
        customerId,
        ticket.price(),
        ticket.currency(),
        Instant.now().plus(hold).truncatedTo(ChronoUnit.MILLIS));
  }

  static OrderCancelled expired(OrderCreated order) {
    return new OrderCancelled(
        order.orderId(),
        1,
        order.ticketId(),
        order.airline(),
        order.customerId(),
        OrderCancelled.EXPIRED);
  }

  static OrderCompleted completed(OrderCreated order) {
    return new OrderCompleted(
        order.orderId(), 2, order.ticketId(), order.airline(), order.customerId());
  }

  static PaymentStarted payment(OrderCreated order) {
    return new PaymentStarted(
        UUID.randomUUID(),
        0,
        order.orderId(),
        order.airline(),
        order.customerId(),
        order.price(),
        order.currency(),
        1,
        "simulated");
  }
}
