package io.airtix.orders.ticketreplica;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketDeleted;
import io.airtix.events.tickets.TicketUpdated;
import io.airtix.platform.messaging.InboxListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps the replica in step with the tickets service. Contiguous (the default ordering): every
 * version of a ticket is applied once and in order, so the replica's price and status are never
 * older than what they replace. Each event carries the ticket's full state, so applying one is a
 * single statement.
 */
@Component
class TicketEvents {

  private final ReplicatedTickets replicas;
  private final ApplicationEventPublisher withdrawals;

  TicketEvents(ReplicatedTickets replicas, ApplicationEventPublisher withdrawals) {
    this.replicas = replicas;
    this.withdrawals = withdrawals;
  }

  @InboxListener
  void on(TicketCreated event) {
    replicas.insert(
        new ReplicatedTicket(
            event.ticketId(),
            event.version(),
            event.airline(),
            event.flightNumber(),
            event.origin(),
            event.destination(),
            event.departureTime(),
            event.price(),
            event.currency(),
            event.status()));
  }

  @InboxListener
  void on(TicketUpdated event) {
    // the inbox applies an update only after the creation, so the replica exists
    if (!replicas.update(
        new ReplicatedTicket(
            event.ticketId(),
            event.version(),
            event.airline(),
            event.flightNumber(),
            event.origin(),
            event.destination(),
            event.departureTime(),
            event.price(),
            event.currency(),
            event.status()))) {
      throw new IllegalStateException("No replica of ticket " + event.ticketId() + " to update");
    }
  }

  @InboxListener
  void on(TicketDeleted event) {
    // a withdrawn ticket cannot be reserved any more: unknown to reservations, like a ticket never
    // seen
    replicas.delete(event.ticketId());
    // an order made before this event arrived may hold the ticket: the reservations let go of it
    withdrawals.publishEvent(new TicketWithdrawn(event.ticketId()));
  }
}
