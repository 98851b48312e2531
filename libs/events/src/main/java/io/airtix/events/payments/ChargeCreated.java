package io.airtix.events.payments;

import io.airtix.events.AggregateEvent;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * The payment succeeded: the customer was charged the order's amount, and the order can be
 * completed.
 *
 * @param chargeId the provider's id of the charge ({@code ch_…} at Stripe)
 */
public record ChargeCreated(
    UUID paymentId,
    long version,
    UUID orderId,
    String airline,
    String chargeId,
    BigDecimal amount,
    String currency,
    String provider)
    implements AggregateEvent {

  public static final String TYPE = "payment.succeeded";

  public ChargeCreated {
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
