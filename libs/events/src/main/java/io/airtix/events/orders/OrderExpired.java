package io.airtix.events.orders;

import io.airtix.events.AggregateEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The expiration service's word that one of an order's deadlines passed. It states a deadline, not
 * a decision. First the hold runs out: the orders service cancels the order only if its payment has
 * not started. Then, a payment window later, the payment window closes: an order still unpaid is
 * cancelled whatever its payment does, so no hold lasts forever.
 *
 * @param version the order version the deadline was scheduled from (that of its {@link
 *     OrderCreated}), so a consumer ordering the order's stream sees it as newer than nothing it
 *     has applied
 * @param expiresAt the deadline that passed
 * @param paymentWindowClosed false when the hold ran out; true when the payment window closed, one
 *     version after the hold's
 */
public record OrderExpired(
    UUID orderId, long version, String airline, Instant expiresAt, boolean paymentWindowClosed)
    implements AggregateEvent {

  public static final String TYPE = "order.expired";

  public OrderExpired {
    Objects.requireNonNull(orderId, "orderId");
  }

  /** The hold ran out. */
  public OrderExpired(UUID orderId, long version, String airline, Instant expiresAt) {
    this(orderId, version, airline, expiresAt, false);
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
