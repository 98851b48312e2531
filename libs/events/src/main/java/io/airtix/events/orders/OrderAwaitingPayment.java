package io.airtix.events.orders;

import io.airtix.events.AggregateEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * The customer started paying the order: it keeps its ticket, and its hold no longer expires, until
 * the payment ends.
 */
public record OrderAwaitingPayment(
    UUID orderId, long version, UUID ticketId, String airline, UUID paymentId)
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
