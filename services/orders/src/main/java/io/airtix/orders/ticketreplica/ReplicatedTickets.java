package io.airtix.orders.ticketreplica;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
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
}
