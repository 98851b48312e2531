package io.airtix.payments.orderreplica;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as the payments service knows it from the orders service's events.
 *
 * @param status {@link #CREATED}, {@link #CANCELLED} or {@link #COMPLETED}: the payments service
 *     does not follow the payment steps of the order, which are its own doing
 * @param customerId null for an order first heard of through its cancellation
 */
public record ReplicatedOrder(
    UUID id,
    long version,
    UUID ticketId,
    String airline,
    String customerId,
    BigDecimal amount,
    String currency,
    String status,
    Instant expiresAt) {

  public static final String CREATED = "CREATED";
  public static final String CANCELLED = "CANCELLED";
  public static final String COMPLETED = "COMPLETED";

  public boolean ownedBy(String userId) {
    return customerId != null && customerId.equals(userId);
  }

  public boolean cancelled() {
    return CANCELLED.equals(status);
  }

  public boolean completed() {
    return COMPLETED.equals(status);
  }

  /**
   * Whether the hold ran out; the orders service cancels such an order unless its payment started
   * in time.
   */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
