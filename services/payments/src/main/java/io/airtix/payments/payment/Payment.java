package io.airtix.payments.payment;

import io.airtix.events.payments.ChargeCreated;
import io.airtix.events.payments.PaymentFailed;
import io.airtix.events.payments.PaymentRefunded;
import io.airtix.events.payments.PaymentStarted;
import io.airtix.payments.orderreplica.ReplicatedOrder;
import io.airtix.payments.provider.ProviderIntent;
import io.airtix.platform.sqlite.TwoDecimalAmount;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The payment of one order: one provider intent, one or more attempts, at most one charge. Its
 * transitions guard themselves (see {@link PaymentStatus}) and say whether they changed anything,
 * so a repeated or late report of the provider changes nothing; each change is a new version and
 * publishes exactly one event.
 */
@Entity
@Table(name = "payments")
class Payment {

  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 36)
  private UUID id;

  // Null until first persisted, which tells Spring Data the payment is new despite its assigned id
  @Version private Long version;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 36)
  private UUID orderId;

  private String airline;
  private String customerId;

  @Convert(converter = TwoDecimalAmount.class)
  private BigDecimal amount;

  private String currency;
  private String provider;
  private String intentId;
  private String clientSecret;

  @Enumerated(EnumType.STRING)
  private PaymentStatus status;

  private int attempt;
  private Instant attemptStartedAt;
  private String failureReason;
  private String chargeId;
  private String refundId;
  private Instant createdAt;
  private Instant updatedAt;

  protected Payment() {}

  Payment(ReplicatedOrder order, String provider, ProviderIntent intent, Instant now) {
    this.id = idFor(order.id());
    this.orderId = order.id();
    this.airline = order.airline();
    this.customerId = order.customerId();
    this.amount = order.amount();
    this.currency = order.currency();
    this.provider = provider;
    this.intentId = intent.id();
    this.clientSecret = intent.clientSecret();
    this.status = PaymentStatus.PENDING;
    this.attempt = 1;
    this.attemptStartedAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * One payment per order, and its id known before it exists: the provider's idempotency key is
   * derived from it, so two racing first attempts for one order ask the provider for the same
   * intent.
   */
  static UUID idFor(UUID orderId) {
    return UUID.nameUUIDFromBytes(("airtix-payment:" + orderId).getBytes(StandardCharsets.UTF_8));
  }

  /** The customer tries again after a failure; the intent stays the same. */
  boolean retry(Instant now) {
    if (status != PaymentStatus.FAILED) {
      return false;
    }
    this.status = PaymentStatus.PENDING;
    this.attempt++;
    this.attemptStartedAt = now;
    this.failureReason = null;
    this.updatedAt = now;
    return true;
  }

  /**
   * The provider charged the customer. Counts from PENDING and from FAILED (a late success of an
   * earlier attempt: the money is taken either way); once paid, a repeat changes nothing.
   */
  boolean succeed(String chargeId, Instant now) {
    if (status.paid()) {
      return false;
    }
    this.status = PaymentStatus.SUCCEEDED;
    this.chargeId = chargeId;
    this.failureReason = null;
    this.updatedAt = now;
    return true;
  }

  /**
   * The provider refused an attempt. Only the current attempt can fail: a report created before it
   * started is a late report of an earlier attempt (Stripe stamps events in whole seconds, hence
   * the truncation).
   */
  boolean fail(String reason, Instant reportedAt, Instant now) {
    if (status != PaymentStatus.PENDING
        || reportedAt.isBefore(attemptStartedAt.truncatedTo(ChronoUnit.SECONDS))) {
      return false;
    }
    this.status = PaymentStatus.FAILED;
    this.failureReason = reason == null ? "The payment was declined." : truncate(reason);
    this.updatedAt = now;
    return true;
  }

  boolean refundable() {
    return status == PaymentStatus.SUCCEEDED;
  }

  /** Whether an intent of this payment may still be paid, so ending its order must cancel it. */
  boolean cancellable() {
    return status == PaymentStatus.PENDING || status == PaymentStatus.FAILED;
  }

  /** The order ended before the payment went through, and the provider cancelled the intent. */
  void cancelled(Instant now) {
    if (!cancellable()) {
      throw new IllegalStateException(
          "Payment " + id + " is " + status + " and cannot be cancelled");
    }
    this.status = PaymentStatus.CANCELLED;
    this.updatedAt = now;
  }

  void refunded(String refundId, Instant now) {
    if (!refundable()) {
      throw new IllegalStateException(
          "Payment " + id + " is " + status + " and cannot be refunded");
    }
    this.status = PaymentStatus.REFUNDED;
    this.refundId = refundId;
    this.updatedAt = now;
  }

  boolean ownedBy(String userId) {
    return customerId.equals(userId);
  }

  boolean simulated() {
    return "simulated".equals(provider);
  }

  private static String truncate(String reason) {
    return reason.length() <= 500 ? reason : reason.substring(0, 500);
  }

  UUID id() {
    return id;
  }

  long version() {
    return version == null ? 0 : version;
  }

  UUID orderId() {
    return orderId;
  }

  String airline() {
    return airline;
  }

  String customerId() {
    return customerId;
  }

  BigDecimal amount() {
    return amount;
  }

  String currency() {
    return currency;
  }

  String provider() {
    return provider;
  }

  String intentId() {
    return intentId;
  }

  String clientSecret() {
    return clientSecret;
  }

  PaymentStatus status() {
    return status;
  }

  int attempt() {
    return attempt;
  }

  String failureReason() {
    return failureReason;
  }

  String chargeId() {
    return chargeId;
  }

  String refundId() {
    return refundId;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  PaymentStarted started() {
    return new PaymentStarted(
        id, version(), orderId, airline, customerId, amount, currency, attempt, provider);
  }

  PaymentFailed failed() {
    return new PaymentFailed(id, version(), orderId, airline, attempt, failureReason);
  }

  ChargeCreated charged() {
    return new ChargeCreated(id, version(), orderId, airline, chargeId, amount, currency, provider);
  }

  PaymentRefunded refundedEvent() {
    return new PaymentRefunded(id, version(), orderId, airline, refundId, amount, currency);
  }
}
