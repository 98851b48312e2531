package io.airtix.events.orders;

import io.airtix.events.AggregateEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * The customer started paying the order: it keeps its ticket, and its hold no longer expires, until
 * the payment ends.
 *
 * @param customerId the customer's user id (the token's {@code sub}), so that a consumer can tell
 *     the order's owner without a replica of orders; null only in events published before this
 *     field existed
 */
public record OrderAwaitingPayment(
    UUID orderId, long version, UUID ticketId, String airline, String customerId, UUID paymentId)
    implements AggregateEvent {

  public static final String TYPE = "order.awaiting-payment";

  public OrderAwaitingPayment {
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
