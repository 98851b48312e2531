package io.airtix.payments.orderreplica;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderReplicaRepository extends JpaRepository<OrderReplica, UUID> {}
