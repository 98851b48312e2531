package io.airtix.orders.ticketreplica;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketDeleted;
import io.airtix.events.tickets.TicketUpdated;
import io.airtix.platform.messaging.InboxListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps the replica in step with the tickets service. Contiguous (the default ordering): every version of a ticket
 * is applied once and in order, so the replica's price and status are never older than what they replace.
 */
@Component
class TicketEvents {

  private final TicketReplicaRepository replicas;
  private final ApplicationEventPublisher withdrawals;

  TicketEvents(TicketReplicaRepository replicas, ApplicationEventPublisher withdrawals) {
    this.replicas = replicas;
    this.withdrawals = withdrawals;
  }

  @InboxListener
  void on(TicketCreated event) {
    replicas.save(new TicketReplica(event));
  }

  @InboxListener
  void on(TicketUpdated event) {
    // the inbox applies an update only after the creation, so the replica exists
    TicketReplica replica = replicas.findById(event.ticketId())
        .orElseThrow(() -> new IllegalStateException("No replica of ticket " + event.ticketId() + " to update"));
    replica.apply(event);
  }

  @InboxListener
  void on(TicketDeleted event) {
    // a withdrawn ticket cannot be reserved any more: unknown to reservations, like a ticket never seen
    replicas.deleteById(event.ticketId());
    // an order made before this event arrived may hold the ticket: the reservations let go of it
    withdrawals.publishEvent(new TicketWithdrawn(event.ticketId()));
  }
}
