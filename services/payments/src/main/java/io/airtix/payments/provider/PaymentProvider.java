package io.airtix.payments.provider;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Who takes the money: Stripe, or the simulated provider when no Stripe key is configured. Both
 * answer the same questions; their outcomes (succeeded, failed) come back later as {@link
 * ProviderEvent}s, from Stripe's webhook or from the customer's confirmation of a simulated
 * payment.
 */
public interface PaymentProvider {

  /** {@code stripe} or {@code simulated}, as answers and logs name it. */
  String name();

  default boolean simulated() {
    return SimulatedPaymentProvider.NAME.equals(name());
  }

  /**
   * The one payment intent of a payment. Asking again for the same payment returns the same intent
   * (an idempotency key derived from the payment), so a retry after a timeout never creates a
   * second one.
   *
   * @throws PaymentProviderUnavailableException the provider cannot be reached or refused to answer
   */
  ProviderIntent createIntent(
      UUID paymentId, UUID orderId, String airline, BigDecimal amount, String currency);

  /**
   * Gives the whole amount of a succeeded intent back; asking twice refunds once.
   *
   * @return the provider's id of the refund
   * @throws PaymentProviderUnavailableException the provider cannot be reached or refused to answer
   */
  String refund(UUID paymentId, String intentId);

  /**
   * Cancels an intent nobody has paid, so that it can no longer be paid; asking twice cancels once.
   *
   * @return false when the intent cannot be cancelled because it was paid meanwhile: its success
   *     report is on its way
   * @throws PaymentProviderUnavailableException the provider cannot be reached or refused to answer
   */
  boolean cancelIntent(UUID paymentId, String intentId);
}
