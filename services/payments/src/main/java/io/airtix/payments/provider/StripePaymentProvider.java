package io.airtix.payments.provider;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stripe's PaymentIntents and refunds, through the official client. */
class StripePaymentProvider implements PaymentProvider {

  static final String NAME = "stripe";

  /** Stripe's error code for cancelling an intent that succeeded (or is being processed). */
  private static final String PAID_MEANWHILE = "payment_intent_unexpected_state";

  private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

  private final StripeClient stripe;

  StripePaymentProvider(StripeSettings settings) {
    this.stripe =
        StripeClient.builder()
            .setApiKey(settings.apiKey())
            .setApiBase(settings.apiBase())
            .setConnectTimeout((int) settings.connectTimeout().toMillis())
            .setReadTimeout((int) settings.readTimeout().toMillis())
            .setMaxNetworkRetries(settings.maxNetworkRetries())
            .build();
    log.info("Stripe payment provider at {}", settings.apiBase());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProviderIntent createIntent(
      UUID paymentId, UUID orderId, String airline, BigDecimal amount, String currency) {
    PaymentIntentCreateParams params =
        PaymentIntentCreateParams.builder()
            .setAmount(minorUnits(amount, currency))
            .setCurrency(currency.toLowerCase(Locale.ROOT))
            .setAutomaticPaymentMethods(
                PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                    .setEnabled(true)
                    .build())
            .putMetadata("airtix_payment_id", paymentId.toString())
            .putMetadata("airtix_order_id", orderId.toString())
            .putMetadata("airtix_airline", airline)
            .build();
    try {
      // the same key for every request about this payment: Stripe answers a repeat with the intent
      // it made first
      PaymentIntent intent =
          stripe.paymentIntents().create(params, idempotent("airtix-intent-" + paymentId));
      return new ProviderIntent(intent.getId(), intent.getClientSecret());
    } catch (StripeException ex) {
      log.warn(
          "Stripe refused or did not answer the intent of payment {}: {}",
          paymentId,
          ex.getMessage());
      throw new PaymentProviderUnavailableException(NAME);
    }
  }

  @Override
  public String refund(UUID paymentId, String intentId) {
    RefundCreateParams params =
        RefundCreateParams.builder()
            .setPaymentIntent(intentId)
            .putMetadata("airtix_payment_id", paymentId.toString())
            .build();
    try {
      Refund refund = stripe.refunds().create(params, idempotent("airtix-refund-" + paymentId));
      return refund.getId();
    } catch (StripeException ex) {
      log.warn(
          "Stripe refused or did not answer the refund of payment {}: {}",
          paymentId,
          ex.getMessage());
      throw new PaymentProviderUnavailableException(NAME);
    }
  }

  @Override
  public boolean cancelIntent(UUID paymentId, String intentId) {
    PaymentIntentCancelParams params =
        PaymentIntentCancelParams.builder()
            .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
            .build();
    try {
      stripe.paymentIntents().cancel(intentId, params, idempotent("airtix-cancel-" + paymentId));
      return true;
    } catch (StripeException ex) {
      if (PAID_MEANWHILE.equals(ex.getCode())) {
        log.info("Stripe did not cancel intent {} of payment {}: it was paid", intentId, paymentId);
        return false;
      }
      log.warn(
          "Stripe refused or did not answer the cancellation of payment {}: {}",
          paymentId,
          ex.getMessage());
      throw new PaymentProviderUnavailableException(NAME);
    }
  }

  private static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  /** Stripe counts in the currency's smallest unit: 129.90 EUR is 12990. */
  static long minorUnits(BigDecimal amount, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return amount.movePointRight(digits).longValueExact();
  }
}
