package io.airtix.events.orders;

import io.airtix.events.AggregateEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer reserved a ticket: the order holds it until {@code expiresAt} unless it is paid first.
 * Always version 0 of the order.
 *
 * @param customerId the customer's user id (the token's {@code sub})
 * @param price the price the customer agreed to, equal to the ticket's price when the order was
 *     made
 * @param ticketVersion the version of the ticket (its last event's) that the customer agreed to;
 *     the tickets service refuses the reservation when its ticket has changed since; null only in
 *     events published before this field existed
 */
public record OrderCreated(
    UUID orderId,
    long version,
    UUID ticketId,
    String airline,
    String customerId,
    BigDecimal price,
    String currency,
    Instant expiresAt,
    Long ticketVersion)
    implements AggregateEvent {

  public static final String TYPE = "order.created";

  public OrderCreated {
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
