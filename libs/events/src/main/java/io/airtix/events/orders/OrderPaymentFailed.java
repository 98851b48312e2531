package io.airtix.events.orders;

import io.airtix.events.AggregateEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * The payment of an order failed: the order holds its ticket again only until its {@code
 * expiresAt}, and the customer may try to pay again until then. When that deadline has passed
 * already, an {@link OrderCancelled} with reason {@link OrderCancelled#EXPIRED} follows at once.
 *
 * @param customerId the customer's user id (the token's {@code sub}), so that a consumer can tell
 *     the order's owner without a replica of orders; null only in events published before this
 *     field existed
 */
public record OrderPaymentFailed(
    UUID orderId, long version, UUID ticketId, String airline, String customerId, UUID paymentId)
    implements AggregateEvent {

  public static final String TYPE = "order.payment-failed";

  public OrderPaymentFailed {
    Objects.requireNonNull(orderId, "orderId");
  }

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return orderId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }

  @Override
  public String tenant() {
    return airline;
  }
}
