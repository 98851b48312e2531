package io.airtix.payments.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment as the API shows it.
 *
 * @param provider {@code stripe} or {@code simulated}
 * @param simulated true when no money moves (no Stripe key configured)
 * @param clientSecret what a web client needs to confirm the intent (Stripe.js); shown to the
 *     paying customer only, and only while the payment can still be confirmed
 */
record PaymentResponse(
    UUID id,
    UUID orderId,
    String airline,
    String customerId,
    BigDecimal amount,
    String currency,
    PaymentStatus status,
    String provider,
    boolean simulated,
    @Schema(
            nullable = true,
            description = "The provider's payment intent; null until the provider made one")
        String intentId,
    @Schema(
            nullable = true,
            description =
                "For the paying customer while the payment can be confirmed; null otherwise")
        String clientSecret,
    int attempt,
    @Schema(nullable = true, description = "Why the last attempt failed; null unless it did")
        String failureReason,
    @Schema(
            nullable = true,
            description = "The provider's charge; null until the payment succeeded")
        String chargeId,
    @Schema(nullable = true, description = "The provider's refund; null unless refunded")
        String refundId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** For the customer who pays. */
  static PaymentResponse forCustomer(Payment payment) {
    boolean confirmable =
        payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.FAILED;
    return of(payment, confirmable ? payment.clientSecret() : null);
  }

  /** For the airline's staff: everything but the secret. */
  static PaymentResponse forStaff(Payment payment) {
    return of(payment, null);
  }

  private static PaymentResponse of(Payment payment, String clientSecret) {
    return new PaymentResponse(
        payment.id(),
        payment.orderId(),
        payment.airline(),
        payment.customerId(),
        payment.amount(),
        payment.currency(),
        payment.status(),
        payment.provider(),
        payment.simulated(),
        payment.intentId(),
        clientSecret,
        payment.attempt(),
        payment.failureReason(),
        payment.chargeId(),
        payment.refundId(),
        payment.createdAt(),
        payment.updatedAt(),
        payment.version());
  }
}
