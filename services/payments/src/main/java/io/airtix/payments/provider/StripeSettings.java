package io.airtix.payments.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Stripe. Without an API key the simulated provider runs instead.
 *
 * @param apiKey secret key ({@code sk_…}); blank selects the simulated provider
 * @param webhookSecret signing secret of the webhook endpoint ({@code whsec_…}); required with an
 *     API key
 * @param apiBase Stripe's API, or a stand-in of it in tests
 * @param webhookTolerance how old a signed webhook may be; older ones are refused as replays
 * @param maxNetworkRetries the client's own retries of a failed call (with the same idempotency
 *     key)
 */
@ConfigurationProperties("airtix.payments.stripe")
public record StripeSettings(
    String apiKey,
    String webhookSecret,
    @DefaultValue("https://api.stripe.com") String apiBase,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout,
    @DefaultValue("1") int maxNetworkRetries,
    @DefaultValue("5m") Duration webhookTolerance) {

  public boolean enabled() {
    return apiKey != null && !apiKey.isBlank();
  }
}
