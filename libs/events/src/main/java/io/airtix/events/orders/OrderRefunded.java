package io.airtix.events.orders;

import io.airtix.events.AggregateEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * The payment of a cancelled order succeeded nevertheless and was refunded in full; the order stays
 * cancelled.
 *
 * @param customerId the customer's user id (the token's {@code sub}), so that a consumer can tell
 *     the order's owner without a replica of orders; null only in events published before this
 *     field existed
 * @param refundId the payment provider's id of the refund
 */
public record OrderRefunded(
    UUID orderId,
    long version,
    UUID ticketId,
    String airline,
    String customerId,
    UUID paymentId,
    String refundId)
    implements AggregateEvent {

  public static final String TYPE = "order.refunded";

  public OrderRefunded {
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
