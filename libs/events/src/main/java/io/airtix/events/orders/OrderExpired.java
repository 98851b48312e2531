package io.airtix.events.orders;

import io.airtix.events.AggregateEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The expiration service's word that an order's hold ran out. It states a deadline, not a decision:
 * the orders service cancels the order only if its payment has not started.
 *
 * @param version the order version the deadline was scheduled from (that of its {@link
 *     OrderCreated}), so a consumer ordering the order's stream sees it as newer than nothing it
 *     has applied
 * @param expiresAt the deadline that passed
 */
public record OrderExpired(UUID orderId, long version, String airline, Instant expiresAt)
    implements AggregateEvent {

  public static final String TYPE = "order.expired";

  public OrderExpired {
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
