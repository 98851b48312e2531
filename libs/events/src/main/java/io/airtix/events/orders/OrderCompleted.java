package io.airtix.events.orders;

import io.airtix.events.AggregateEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * An order was paid: its ticket is sold.
 *
 * @param customerId the customer's user id (the token's {@code sub}), so that a consumer can tell
 *     the order's owner without a replica of orders; null only in events published before this
 *     field existed
 * @param ticketVersion the version of the ticket the customer agreed to, as in {@link
 *     OrderCreated}: a catalogue that hears of the order first from this event checks it here; null
 *     only in events published before this field existed
 */
public record OrderCompleted(
    UUID orderId,
    long version,
    UUID ticketId,
    String airline,
    String customerId,
    Long ticketVersion)
    implements AggregateEvent {

  public static final String TYPE = "order.completed";

  public OrderCompleted {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(ticketId, "ticketId");
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
