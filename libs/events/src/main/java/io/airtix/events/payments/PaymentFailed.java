package io.airtix.events.payments;

import io.airtix.events.AggregateEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * An attempt to pay was refused (card declined, authentication failed); nothing was charged and the
 * customer may try again with a new attempt.
 *
 * @param reason the provider's words, for the customer and support
 */
public record PaymentFailed(
    UUID paymentId, long version, UUID orderId, String airline, int attempt, String reason)
    implements AggregateEvent {

  public static final String TYPE = "payment.failed";

  public PaymentFailed {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(orderId, "orderId");
  }

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return paymentId.toString();
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
