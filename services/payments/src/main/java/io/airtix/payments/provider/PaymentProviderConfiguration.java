package io.airtix.payments.provider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe when a key is set, the simulated provider otherwise. */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

  @Bean
  PaymentProvider paymentProvider(StripeSettings settings) {
    if (!settings.enabled()) {
      return new SimulatedPaymentProvider();
    }
    if (settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
      // without it no webhook could be verified, and no payment would ever complete
      throw new IllegalStateException(
          "A Stripe API key is set but no webhook signing secret: set "
              + "airtix.payments.stripe.webhook-secret (STRIPE_WEBHOOK_SECRET)");
    }
    return new StripePaymentProvider(settings);
  }
}
