package io.airtix.live;

import io.airtix.events.AggregateEvent;
import io.airtix.events.EventEnvelope;
import io.airtix.events.orders.OrderAwaitingPayment;
import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.orders.OrderPaymentFailed;
import io.airtix.events.orders.OrderRefunded;
import io.airtix.events.payments.ChargeCreated;
import io.airtix.events.payments.PaymentFailed;
import io.airtix.events.payments.PaymentRefunded;
import io.airtix.events.payments.PaymentStarted;
import io.airtix.events.staff.StaffChanged;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketDeleted;
import io.airtix.events.tickets.TicketUpdated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * Events of the backbone as their owning services publish them, for every test of the live service.
 */
public final class EventMother {

  public static final String AEROLUX = "aerolux";
  public static final Instant DEPARTURE = Instant.parse("2027-03-14T09:30:00Z");
  public static final Instant OCCURRED = Instant.parse("2027-01-10T12:00:00Z");

  private EventMother() {}

  public static <T extends AggregateEvent> EventEnvelope<T> envelope(T event) {
    return EventEnvelope.wrap(event, OCCURRED);
  }

  public static TicketCreated ticket() {
    return ticket(AEROLUX);
  }

  public static TicketCreated ticket(String airline) {
    return ticket(airline, "LUX", "CDG", DEPARTURE);
  }

  public static TicketCreated ticket(
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

  public static TicketUpdated updated(TicketCreated ticket, String price) {
    return new TicketUpdated(
        ticket.ticketId(),
        ticket.version() + 1,
        ticket.airline(),
        ticket.flightNumber(),
        ticket.origin(),
        ticket.destination(),
        ticket.departureTime(),
        ticket.cabin(),
        "14C",
        new BigDecimal(price),
        ticket.currency(),
        ticket.status());
  }

  public static TicketDeleted deleted(TicketCreated ticket) {
    return new TicketDeleted(ticket.ticketId(), ticket.version() + 1, ticket.airline());
  }

  /** A hold of 15 minutes from now; its price is one of its own, so a test sees where it goes. */
  public static OrderCreated order(TicketCreated ticket, String customerId) {
    return order(ticket, customerId, Duration.ofMinutes(15));
  }

  public static OrderCreated order(TicketCreated ticket, String customerId, Duration hold) {
    return new OrderCreated(
        UUID.randomUUID(),
        0,
        ticket.ticketId(),
        ticket.airline(),
        customerId,
        new BigDecimal("987.65"),
        "EUR",
        Instant.now().plus(hold).truncatedTo(ChronoUnit.MILLIS),
        ticket.version());
  }

  public static OrderCancelled expired(OrderCreated order) {
    return cancelled(order, OrderCancelled.EXPIRED);
  }

  public static OrderCancelled cancelled(OrderCreated order, String reason) {
    return new OrderCancelled(
        order.orderId(), 1, order.ticketId(), order.airline(), order.customerId(), reason);
  }

  public static OrderAwaitingPayment awaitingPayment(OrderCreated order, UUID paymentId) {
    return new OrderAwaitingPayment(
        order.orderId(), 1, order.ticketId(), order.airline(), order.customerId(), paymentId);
  }

  public static OrderCompleted completed(OrderCreated order) {
    return new OrderCompleted(
        order.orderId(),
        2,
        order.ticketId(),
        order.airline(),
        order.customerId(),
        order.ticketVersion());
  }

  public static OrderPaymentFailed paymentFailed(OrderCreated order, UUID paymentId) {
    return new OrderPaymentFailed(
        order.orderId(), 2, order.ticketId(), order.airline(), order.customerId(), paymentId);
  }

  public static OrderRefunded refunded(OrderCreated order, UUID paymentId) {
    return new OrderRefunded(
        order.orderId(),
        3,
        order.ticketId(),
        order.airline(),
        order.customerId(),
        paymentId,
        "re_123");
  }

  public static PaymentStarted paymentStarted(OrderCreated order) {
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

  public static PaymentFailed paymentRefused(OrderCreated order) {
    return new PaymentFailed(UUID.randomUUID(), 1, order.orderId(), order.airline(), 1, "declined");
  }

  public static ChargeCreated charged(OrderCreated order) {
    return new ChargeCreated(
        UUID.randomUUID(),
        1,
        order.orderId(),
        order.airline(),
        "ch_123",
        order.price(),
        order.currency(),
        "simulated");
  }

  public static PaymentRefunded paymentRefunded(OrderCreated order) {
    return new PaymentRefunded(
        UUID.randomUUID(),
        2,
        order.orderId(),
        order.airline(),
        "re_123",
        order.price(),
        order.currency());
  }

  /** Someone now holds {@code roles} in the airline (none: no longer its staff). */
  public static StaffChanged staffChanged(String airline, String... roles) {
    return new StaffChanged(
        UUID.randomUUID().toString(),
        System.currentTimeMillis(),
        airline,
        "someone",
        Set.of(roles),
        "airtix");
  }
}
