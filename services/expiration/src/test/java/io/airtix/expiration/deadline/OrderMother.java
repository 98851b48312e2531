package io.airtix.expiration.deadline;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The orders service's events as the expiration service receives them. */
final class OrderMother {

  private OrderMother() {}

  /** A new order of airline aerolux, held until {@code expiresAt}. */
  static OrderCreated createdUntil(Instant expiresAt) {
    return new OrderCreated(
        UUID.randomUUID(),
        0,
        UUID.randomUUID(),
        "aerolux",
        UUID.randomUUID().toString(),
        new BigDecimal("129.90"),
        "EUR",
        expiresAt,
        0L);
  }

  static OrderCancelled cancelled(OrderCreated order) {
    return new OrderCancelled(
        order.orderId(),
        order.version() + 1,
        order.ticketId(),
        order.airline(),
        order.customerId(),
        OrderCancelled.CUSTOMER);
  }

  /** Paid: two versions on, payment having started in between. */
  static OrderCompleted completed(OrderCreated order) {
    return new OrderCompleted(
        order.orderId(),
        order.version() + 2,
        order.ticketId(),
        order.airline(),
        order.customerId(),
        order.ticketVersion());
  }
}
