package io.airtix.tickets.catalog;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.reservations.ReservationRefused;
import io.airtix.platform.messaging.EventOrdering;
import io.airtix.platform.messaging.InboxListener;
import io.airtix.platform.messaging.Outbox;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;
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
 * <p>The catalogue has the last word on what an order may hold. The orders service reserves from
 * its replica, which may not have heard yet of a price edit or a withdrawal: an order that names
 * another version of its ticket than the current one, or a ticket that is gone, is refused ({@link
 * ReservationRefused}) the first time the catalogue hears of it, on its creation or, should that
 * have been overtaken, on its completion. The ticket stays as it is, and the orders service ends
 * the order.
 *
 * <p>{@link EventOrdering#NEWER_ONLY}: the catalogue reacts to three of the order stream's types,
 * not all of them. An order event that arrives after a newer one of the same order (a cancellation
 * overtaking its creation) is ignored, which leaves the ticket as the newer event wants it.
 */
@Component
class OrderEvents {

  private static final Logger log = LoggerFactory.getLogger(OrderEvents.class);

  private final TicketRepository tickets;
  private final Outbox outbox;
  private final Clock clock;

  OrderEvents(TicketRepository tickets, Outbox outbox, Clock clock) {
    this.tickets = tickets;
    this.outbox = outbox;
    this.clock = clock;
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCreated event) {
    admitted(event.ticketId(), event.orderId(), event.airline(), event.ticketVersion())
        .ifPresent(
            ticket ->
                change(
                    ticket,
                    event.orderId(),
                    "reserve",
                    (held, order) -> held.reserveFor(order, clock.instant())));
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCancelled event) {
    Ticket ticket = tickets.findById(event.ticketId()).orElse(null);
    if (ticket == null) {
      // withdrawn meanwhile; nothing left to release
      log.info("Order {} ended; its ticket {} no longer exists", event.orderId(), event.ticketId());
      return;
    }
    change(
        ticket,
        event.orderId(),
        "release",
        (held, order) -> held.releaseFrom(order, clock.instant()));
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCompleted event) {
    admitted(event.ticketId(), event.orderId(), event.airline(), event.ticketVersion())
        .ifPresent(
            ticket ->
                change(
                    ticket,
                    event.orderId(),
                    "sell",
                    (held, order) -> held.sellTo(order, clock.instant())));
  }

  /**
   * The ticket, if the order may have it: one it holds already, or one still at the version the
   * customer saw. Otherwise the refusal is published (in the inbox's transaction) and nothing is
   * returned.
   */
  private Optional<Ticket> admitted(
      UUID ticketId, UUID orderId, String airline, @Nullable Long seenVersion) {
    Ticket ticket = tickets.findById(ticketId).orElse(null);
    if (ticket == null) {
      log.info("Order {} refused: its ticket {} was withdrawn", orderId, ticketId);
      outbox.publish(ReservationRefused.withdrawn(orderId, ticketId, airline));
      return Optional.empty();
    }
    if (!orderId.equals(ticket.reservedFor()) && !ticket.isShownAs(seenVersion)) {
      log.info(
          "Order {} refused: it saw version {} of ticket {}, which is at {}",
          orderId,
          seenVersion,
          ticketId,
          ticket.eventVersion());
      outbox.publish(ticket.refusal(orderId));
      return Optional.empty();
    }
    return Optional.of(ticket);
  }

  // Runs in the inbox's transaction: the loaded ticket's new state is written at its commit, with
  // the inbox record
  private static void change(
      Ticket ticket, UUID orderId, String what, BiPredicate<Ticket, UUID> transition) {
    if (!transition.test(ticket, orderId)) {
      log.info(
          "Order {} cannot {} ticket {} ({}, held for {}); left as it is",
          orderId,
          what,
          ticket.id(),
          ticket.status(),
          ticket.reservedFor());
    }
  }
}
