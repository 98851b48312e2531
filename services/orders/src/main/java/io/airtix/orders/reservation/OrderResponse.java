package io.airtix.orders.reservation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as the API shows it; {@code cancellationReason} is null unless it was cancelled. {@code
 * refunded} tells a customer whose payment succeeded after the order was cancelled that the money
 * went back ({@code refundedAt}).
 */
record OrderResponse(
    UUID id,
    UUID ticketId,
    String airline,
    String customerId,
    BigDecimal price,
    String currency,
    OrderStatus status,
    @Schema(nullable = true, description = "Why it was cancelled; null unless it was")
        CancellationReason cancellationReason,
    Instant createdAt,
    Instant expiresAt,
    boolean refunded,
    @Schema(nullable = true, description = "When the money went back; null unless refunded")
        Instant refundedAt,
    long version) {

  static OrderResponse from(Order order) {
    return new OrderResponse(
        order.id(),
        order.ticketId(),
        order.airline(),
        order.customerId(),
        order.price(),
        order.currency(),
        order.status(),
        order.cancellationReason(),
        order.createdAt(),
        order.expiresAt(),
        order.refundedAt() != null,
        order.refundedAt(),
        order.version());
  }
}
