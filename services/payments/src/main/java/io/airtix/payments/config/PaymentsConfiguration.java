package io.airtix.payments.config;

import io.airtix.platform.security.PublicEndpoints;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every endpoint of the payments service needs a token except Stripe's webhook: Stripe signs its
 * calls instead, and the signature is checked on the raw body.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentsConfiguration {

  public static final String STRIPE_WEBHOOK = "/api/payments/stripe/webhook";

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  PublicEndpoints stripeWebhook() {
    return PublicEndpoints.of("POST " + STRIPE_WEBHOOK);
  }
}
