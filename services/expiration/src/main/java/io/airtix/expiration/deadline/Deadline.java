package io.airtix.expiration.deadline;

import io.airtix.events.orders.OrderCreated;
import io.airtix.events.orders.OrderExpired;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * When an order's hold runs out.
 *
 * @param orderVersion the version of the order.created it was scheduled from, carried by
 *     order.expired
 */
record Deadline(UUID orderId, long orderVersion, String airline, Instant expiresAt) {

  Deadline {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(airline, "airline");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  static Deadline of(OrderCreated order) {
    return new Deadline(order.orderId(), order.version(), order.airline(), order.expiresAt());
  }

  OrderExpired expired() {
    return new OrderExpired(orderId, orderVersion, airline, expiresAt);
  }
}
