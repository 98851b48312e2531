package io.airtix.expiration.deadline;

import io.airtix.events.orders.OrderCreated;
import io.airtix.events.orders.OrderExpired;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * When an order's hold runs out, or its payment window closes.
 *
 * @param orderVersion the version of the order.created it was scheduled from: the hold's
 *     order.expired carries it, the payment window's the next one
 */
record Deadline(
    UUID orderId, long orderVersion, String airline, Instant expiresAt, DeadlineStage stage) {

  Deadline {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(airline, "airline");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(stage, "stage");
  }

  static Deadline of(OrderCreated order) {
    return new Deadline(
        order.orderId(), order.version(), order.airline(), order.expiresAt(), DeadlineStage.HOLD);
  }

  OrderExpired expired() {
    boolean paymentWindow = stage == DeadlineStage.PAYMENT;
    return new OrderExpired(
        orderId,
        paymentWindow ? orderVersion + 1 : orderVersion,
        airline,
        expiresAt,
        paymentWindow);
  }
}
