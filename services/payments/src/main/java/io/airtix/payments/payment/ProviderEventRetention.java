package io.airtix.payments.payment;

import io.airtix.platform.retention.Purge;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ids of provider events already applied are kept for {@code
 * airtix.payments.provider-events.retention}: long after a provider stops delivering an event again
 * (Stripe retries for up to three days).
 */
@Configuration(proxyBeanMethods = false)
class ProviderEventRetention {

  @Bean
  Purge providerEventIds(ProviderEventRepository events, Settings settings) {
    return new Purge("provider event ids", settings.retention(), events::deleteReceivedBefore);
  }

  /** {@code airtix.payments.provider-events.*}. */
  @ConfigurationProperties("airtix.payments.provider-events")
  record Settings(@DefaultValue("30d") Duration retention) {}
}
