package io.airtix.orders.ticketreplica;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketReplicaRepository extends JpaRepository<TicketReplica, UUID> {

  @Modifying
  @Query("update TicketReplica t set t.status = 'RESERVED' where t.id = :id and t.status = 'AVAILABLE'")
  void markReserved(@Param("id") UUID id);
}
