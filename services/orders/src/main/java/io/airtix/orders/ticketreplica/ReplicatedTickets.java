package io.airtix.orders.ticketreplica;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What the rest of the orders service may ask about tickets: the replica, read-only. */
@Component
public class ReplicatedTickets {

  private final TicketReplicaRepository replicas;

  ReplicatedTickets(TicketReplicaRepository replicas) {
    this.replicas = replicas;
  }

  @Transactional(readOnly = true)
  public Optional<ReplicatedTicket> find(UUID ticketId) {
    return replicas.findById(ticketId).map(TicketReplica::view);
  }

  /**
   * An order of this service now holds the ticket: the replica says so at once, in the order's transaction, instead
   * of when the tickets service's {@code ticket.updated} comes back, so the attempts that follow are answered from
   * the replica without trying the insert. The tickets service's next event sets whatever status it decided.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void markReserved(UUID ticketId) {
    replicas.markReserved(ticketId);
  }
}
