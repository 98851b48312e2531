package io.airtix.payments.payment;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Object mother of the orders the payments service hears of: order events as the orders service
 * publishes them, applied through the service's real listener, for tests that need orders without
 * running the orders service.
 */
public final class OrderReplicas {

  public static final BigDecimal PRICE = new BigDecimal("129.90");

  private OrderReplicas() {}

  /** Version 0 of an order of 129.90 EUR, held for 15 minutes from now. */
  public static OrderCreated created(String airline, String customerId) {
    return createdExpiringAt(airline, customerId, Instant.now().plus(Duration.ofMinutes(15)));
  }

  public static OrderCreated createdExpiringAt(
      String airline, String customerId, Instant expiresAt) {
    return new OrderCreated(
        UUID.randomUUID(), 0, UUID.randomUUID(), airline, customerId, PRICE, "EUR", expiresAt, 0L);
  }

  public static OrderCancelled cancelled(OrderCreated order, long version) {
    return new OrderCancelled(
        order.orderId(),
        version,
        order.ticketId(),
        order.airline(),
        order.customerId(),
        OrderCancelled.EXPIRED);
  }

  public static OrderCompleted completed(OrderCreated order, long version) {
    return new OrderCompleted(
        order.orderId(),
        version,
        order.ticketId(),
        order.airline(),
        order.customerId(),
        order.ticketVersion());
  }

  /**
   * Applies the events through the service's listener, each in its own transaction as the inbox
   * would.
   */
  public static void apply(ApplicationContext context, Object... events) {
    OrderEvents listener = context.getBean(OrderEvents.class);
    TransactionTemplate transaction =
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    for (Object event : events) {
      transaction.executeWithoutResult(
          status -> {
            if (event instanceof OrderCreated created) {
              listener.on(created);
            } else if (event instanceof OrderCancelled cancelled) {
              listener.on(cancelled);
            } else if (event instanceof OrderCompleted completed) {
              listener.on(completed);
            } else {
              throw new IllegalArgumentException("not an order event: " + event);
            }
          });
    }
  }

  /** The types of the events a payment published so far, oldest first, as its outbox holds them. */
  public static List<String> eventsOfPayment(ApplicationContext context, String paymentId) {
    return context
        .getBean(JdbcTemplate.class)
        .queryForList(
            "SELECT event_type FROM airtix_outbox WHERE aggregate_id = ? ORDER BY position",
            String.class,
            paymentId);
  }
}
