package io.airtix.tickets.catalog;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.platform.messaging.EventOrdering;
import io.airtix.platform.messaging.InboxListener;
import java.time.Clock;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sale as the catalogue sees it: an order holds its ticket (RESERVED, edits answer 423), a
 * cancelled or expired order frees it, a completed one sells it. Each change is a new version of
 * the ticket's row, but publishes nothing: the orders service decided it and knows it first, and
 * the ticket's event versions count only the catalogue's own changes (see {@link
 * Ticket#updated()}).
 *
 * <p>{@link EventOrdering#NEWER_ONLY}: the catalogue reacts to three of the order stream's types,
 * not all of them. An order event that arrives after a newer one of the same order (a cancellation
 * overtaking its creation) is ignored, which leaves the ticket as the newer event wants it.
 */
@Component
class OrderEvents {

  private static final Logger log = LoggerFactory.getLogger(OrderEvents.class);

  private final TicketRepository tickets;
  private final Clock clock;

  OrderEvents(TicketRepository tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCreated event) {
    change(
        event.ticketId(),
        event.orderId(),
        "reserve",
        (ticket, order) -> ticket.reserveFor(order, clock.instant()));
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCancelled event) {
    change(
        event.ticketId(),
        event.orderId(),
        "release",
        (ticket, order) -> ticket.releaseFrom(order, clock.instant()));
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCompleted event) {
    change(
        event.ticketId(),
        event.orderId(),
        "sell",
        (ticket, order) -> ticket.sellTo(order, clock.instant()));
  }

  // Runs in the inbox's transaction: the loaded ticket's new state is written at its commit, with
  // the inbox record
  private void change(
      UUID ticketId, UUID orderId, String what, BiPredicate<Ticket, UUID> transition) {
    Ticket ticket = tickets.findById(ticketId).orElse(null);
    if (ticket == null) {
      // withdrawn before the order's event arrived; nothing left to hold or sell
      log.warn("Order {} wants to {} ticket {}, which no longer exists", orderId, what, ticketId);
      return;
    }
    if (!transition.test(ticket, orderId)) {
      log.info(
          "Order {} cannot {} ticket {} ({}, held for {}); left as it is",
          orderId,
          what,
          ticketId,
          ticket.status(),
          ticket.reservedFor());
    }
  }
}
