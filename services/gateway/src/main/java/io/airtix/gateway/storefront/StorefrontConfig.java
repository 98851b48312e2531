package io.airtix.gateway.storefront;

/**
 * What an app reads at start from {@code /<app>/config.json}, so that one build runs at any
 * address: where people sign in and, where cards go through Stripe, the key that loads Stripe.js.
 *
 * @param authority the realm's address, e.g. {@code http://localhost:8180/realms/airtix}
 * @param clientId the realm's public client, e.g. {@code airtix-web}
 * @param stripePublishableKey Stripe's publishable key, or {@code null} where payments do not go
 *     through Stripe's Payment Element
 */
record StorefrontConfig(String authority, String clientId, String stripePublishableKey) {

  static StorefrontConfig of(WebAppSettings settings) {
    return new StorefrontConfig(
        settings.authority(),
        settings.clientId(),
        settings.stripe() ? settings.stripePublishableKey() : null);
  }
}
