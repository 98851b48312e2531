package io.airtix.orders.ticketreplica;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketReplicaRepository extends JpaRepository<TicketReplica, UUID> {
}
