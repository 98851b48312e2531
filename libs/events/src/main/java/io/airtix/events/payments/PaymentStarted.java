package io.airtix.events.payments;

import io.airtix.events.AggregateEvent;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer started paying an order: an attempt is under way, so the order's hold must not expire
 * meanwhile.
 *
 * @param attempt 1 for the first attempt, one more for each retry after a failure
 * @param provider {@code stripe}, or {@code simulated} when no Stripe key is configured
 */
public record PaymentStarted(
    UUID paymentId,
    long version,
    UUID orderId,
    String airline,
    String customerId,
    BigDecimal amount,
    String currency,
    int attempt,
    String provider)
    implements AggregateEvent {

  public static final String TYPE = "payment.started";

  public PaymentStarted {
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
