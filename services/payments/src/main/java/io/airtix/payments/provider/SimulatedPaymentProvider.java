package io.airtix.payments.provider;

import java.math.BigDecimal;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for Stripe when simulated payments are chosen ({@link SimulatedPayments}: by name, or
 * for want of a Stripe key in standalone): intents and refunds are made up, no money moves. The
 * customer (or the web client) confirms a simulated payment through the API, which produces the
 * same {@link ProviderEvent} a Stripe webhook would.
 */
class SimulatedPaymentProvider implements PaymentProvider {

  static final String NAME = "simulated";

  private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProvider.class);

  SimulatedPaymentProvider() {
    log.warn(
        "SIMULATED payment provider (airtix.payments.provider=simulated, or no Stripe API key"
            + " in standalone): payments are simulated and no money moves");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProviderIntent createIntent(
      UUID paymentId, UUID orderId, String airline, BigDecimal amount, String currency) {
    // derived from the payment, like Stripe's idempotency key: asking twice gives the same intent
    String id = "sim_pi_" + paymentId.toString().replace("-", "");
    log.info(
        "SIMULATED payment intent {} for order {}: {} {}",
        id,
        orderId,
        amount.toPlainString(),
        currency);
    return new ProviderIntent(id, id + "_secret_simulated");
  }

  @Override
  public String refund(UUID paymentId, String intentId) {
    String id = "sim_re_" + paymentId.toString().replace("-", "");
    log.info("SIMULATED refund {} of intent {}", id, intentId);
    return id;
  }

  @Override
  public boolean cancelIntent(UUID paymentId, String intentId) {
    log.info("SIMULATED cancellation of intent {}", intentId);
    return true;
  }
}
