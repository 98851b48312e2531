package io.airtix.payments.provider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The provider {@link SimulatedPayments} chooses: Stripe, or simulated payments. */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

  @Bean
  PaymentProvider paymentProvider(StripeSettings settings, Environment environment) {
    if (SimulatedPayments.chosen(environment)) {
      return new SimulatedPaymentProvider();
    }
    if (!settings.enabled()) {
      throw new IllegalStateException(
          "Payments go to Stripe (airtix.payments.provider=stripe, the distributed profile's"
              + " default), but no Stripe API key is set: set airtix.payments.stripe.api-key and"
              + " .webhook-secret (STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET), or switch simulated"
              + " payments on by name with airtix.payments.provider=simulated"
              + " (AIRTIX_PAYMENTS_PROVIDER), in which no money moves");
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
