package io.airtix.events.payments;

import io.airtix.events.AggregateEvent;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A succeeded payment was refunded in full, e.g. because the order had been cancelled before the
 * payment succeeded. Always the payment's last version.
 *
 * @param refundId the provider's id of the refund ({@code re_…} at Stripe)
 */
public record PaymentRefunded(
    UUID paymentId,
    long version,
    UUID orderId,
    String airline,
    String refundId,
    BigDecimal amount,
    String currency)
    implements AggregateEvent {

  public static final String TYPE = "payment.refunded";

  public PaymentRefunded {
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

  /** Yes: a refunded payment has no further events. */
  @Override
  public boolean endsAggregate() {
    return true;
  }

  @Override
  public String tenant() {
    return airline;
  }
}
