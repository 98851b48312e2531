package io.airtix.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Which provider takes the money, and when the service refuses to start instead. */
class PaymentProviderConfigurationTests {

  private static final String KEYS =
      "airtix.payments.stripe.api-key=sk_test_123,airtix.payments.stripe.webhook-secret=whsec_123";

  private final ApplicationContextRunner service =
      new ApplicationContextRunner()
          .withUserConfiguration(Settings.class, PaymentProviderConfiguration.class);

  @Test
  void refusesToStartWhenStripeIsNamedButItsKeysAreMissing() {
    service
        .withPropertyValues("airtix.payments.provider=stripe")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("no Stripe API key is set")
                    .hasMessageContaining("airtix.payments.provider=simulated"));
  }

  @Test
  void refusesToStartTheDistributedProfileWithoutStripesKeysOrSimulationByName() {
    service
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withPropertyValues("spring.config.name=payments", "spring.profiles.active=distributed")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("no Stripe API key is set"));
    service
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withPropertyValues(
            "spring.config.name=payments",
            "spring.profiles.active=distributed",
            "airtix.payments.provider=simulated")
        .run(
            context ->
                assertThat(context)
                    .getBean(PaymentProvider.class)
                    .matches(PaymentProvider::simulated));
  }

  @Test
  void simulatesPaymentsWhenNamedEvenWithAKey() {
    service
        .withPropertyValues(
            "airtix.payments.provider=simulated", KEYS.split(",")[0], KEYS.split(",")[1])
        .run(
            context ->
                assertThat(context)
                    .getBean(PaymentProvider.class)
                    .matches(PaymentProvider::simulated));
  }

  @Test
  void choosesByTheKeyWhenNoProviderIsNamed() {
    service.run(
        context ->
            assertThat(context).getBean(PaymentProvider.class).matches(PaymentProvider::simulated));
    service
        .withPropertyValues(KEYS.split(",")[0], KEYS.split(",")[1])
        .run(
            context ->
                assertThat(context)
                    .getBean(PaymentProvider.class)
                    .isInstanceOf(StripePaymentProvider.class));
  }

  @Test
  void refusesAProviderItDoesNotKnow() {
    service
        .withPropertyValues("airtix.payments.provider=paypal")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("paypal"));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(StripeSettings.class)
  static class Settings {}
}
