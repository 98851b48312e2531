package io.airtix.payments.orderreplica;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The replica of the orders service's orders. The events arrive newer-only (the payments service
 * consumes three of the order stream's types), so a cancellation may come before the creation it
 * ends: the replica then records the order as cancelled, and the late creation, being older, is
 * never applied.
 */
@Component
public class ReplicatedOrders {

  private final OrderReplicaRepository replicas;

  ReplicatedOrders(OrderReplicaRepository replicas) {
    this.replicas = replicas;
  }

  @Transactional(readOnly = true)
  public Optional<ReplicatedOrder> find(UUID orderId) {
    return replicas.findById(orderId).map(OrderReplica::view);
  }

  @Transactional
  public void apply(OrderCreated event) {
    if (!replicas.existsById(event.orderId())) {
      replicas.save(new OrderReplica(event));
    }
  }

  @Transactional
  public void apply(OrderCancelled event) {
    replicas
        .findById(event.orderId())
        .ifPresentOrElse(
            replica -> replica.apply(event),
            () ->
                replicas.save(
                    new OrderReplica(
                        event.orderId(),
                        event.version(),
                        event.ticketId(),
                        event.airline(),
                        ReplicatedOrder.CANCELLED)));
  }

  @Transactional
  public void apply(OrderCompleted event) {
    replicas
        .findById(event.orderId())
        .ifPresentOrElse(
            replica -> replica.apply(event),
            () ->
                replicas.save(
                    new OrderReplica(
                        event.orderId(),
                        event.version(),
                        event.ticketId(),
                        event.airline(),
                        ReplicatedOrder.COMPLETED)));
  }
}
