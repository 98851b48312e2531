package io.airtix.events.orders;

import io.airtix.events.AggregateEvent;
import java.util.Objects;
import java.util.UUID;

/** An order was paid: its ticket is sold. */
public record OrderCompleted(UUID orderId, long version, UUID ticketId, String airline)
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
