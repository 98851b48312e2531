package io.airtix.events.orders;

import io.airtix.events.AggregateEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * An order ended without a sale; its ticket is free again.
 *
 * @param customerId the customer's user id (the token's {@code sub}), so that a consumer can tell
 *     the order's owner without a replica of orders; null only in events published before this
 *     field existed
 * @param reason why: {@link #CUSTOMER}, {@link #EXPIRED}, {@link #UNPAID}, or one of the
 *     catalogue's refusals ({@code PRICE_CHANGED}, {@code TICKET_CHANGED}, {@code
 *     TICKET_WITHDRAWN}); consumers treat an unknown reason like any other cancellation, so more
 *     may be added
 */
public record OrderCancelled(
    UUID orderId, long version, UUID ticketId, String airline, String customerId, String reason)
    implements AggregateEvent {

  public static final String TYPE = "order.cancelled";

  /** The customer cancelled the order. */
  public static final String CUSTOMER = "CUSTOMER";

  /** The hold ran out before payment started. */
  public static final String EXPIRED = "EXPIRED";

  /** The payment window closed before the payment went through. */
  public static final String UNPAID = "UNPAID";

  public OrderCancelled {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(reason, "reason");
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
