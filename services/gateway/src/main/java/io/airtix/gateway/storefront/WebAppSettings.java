package io.airtix.gateway.storefront;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The storefront's apps as the gateway serves them, e.g. {@code
 * airtix.gateway.web-apps.identity-provider=https://id.airtix.io}.
 *
 * @param apps the apps, each under {@code /<name>/}; the first is where {@code /} leads
 * @param identityProvider Keycloak's public origin: the apps fetch its discovery document and
 *     tokens, so their Content-Security-Policy must let them connect there
 * @param realm the realm the apps sign people in to, at {@code <identity-provider>/realms/<realm>}
 * @param clientId the realm's public client the apps sign in with
 * @param stripePublishableKey Stripe's publishable key ({@code pk_live_…}, {@code pk_test_…}) where
 *     card payments go through Stripe's Payment Element: the apps load Stripe.js with it, and their
 *     Content-Security-Policy then admits Stripe's script, frames and API; blank where they do not
 */
@ConfigurationProperties("airtix.gateway.web-apps")
public record WebAppSettings(
    @DefaultValue({"react", "vue", "svelte"}) List<String> apps,
    @DefaultValue("http://localhost:8180") URI identityProvider,
    @DefaultValue("airtix") String realm,
    @DefaultValue("airtix-web") String clientId,
    String stripePublishableKey) {

  private static final String PREFIX = "airtix.gateway.web-apps.";
  private static final String STRIPE_SCRIPTS = "https://js.stripe.com";
  private static final String STRIPE_FRAMES = "https://js.stripe.com https://hooks.stripe.com";
  private static final String STRIPE_API = "https://api.stripe.com";

  public WebAppSettings {
    if (apps.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + "apps names no app");
    }
    if (identityProvider.getHost() == null
        || identityProvider.getRawPath() != null && !identityProvider.getRawPath().isEmpty()) {
      throw new IllegalArgumentException(
          PREFIX
              + "identity-provider is '"
              + identityProvider
              + "': Keycloak's origin, scheme, host and port without a path, e.g."
              + " http://localhost:8180");
    }
    if (realm == null || realm.isBlank() || realm.contains("/")) {
      throw new IllegalArgumentException(
          PREFIX + "realm is '" + realm + "': the realm's name alone, e.g. airtix");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException(PREFIX + "client-id is blank: e.g. airtix-web");
    }
    stripePublishableKey = stripePublishableKey == null ? "" : stripePublishableKey.strip();
    if (!stripePublishableKey.isEmpty() && !stripePublishableKey.startsWith("pk_")) {
      // the value itself stays out of the message: a secret key put here by mistake would land in
      // the logs
      throw new IllegalArgumentException(
          PREFIX
              + "stripe-publishable-key (STRIPE_PUBLISHABLE_KEY) starts with '"
              + stripePublishableKey.substring(0, Math.min(3, stripePublishableKey.length()))
              + "', not with 'pk_': it goes to every browser, so it must be Stripe's publishable"
              + " key (pk_live_… or pk_test_…), never the secret key (sk_…, the payments service's"
              + " STRIPE_API_KEY); leave it blank where card payments do not go through Stripe");
    }
  }

  /** The app {@code /} leads to. */
  public String defaultApp() {
    return apps.get(0);
  }

  /** Whether card payments go through Stripe's Payment Element. */
  public boolean stripe() {
    return !stripePublishableKey.isEmpty();
  }

  /** The realm's address, the apps' OpenID Connect authority. */
  public String authority() {
    return identityProvider + "/realms/" + realm;
  }

  /** Whether the path is one of an app's pages or files. */
  public boolean isWebApp(String path) {
    return apps.stream()
        .anyMatch(app -> path.equals("/" + app) || path.startsWith("/" + app + "/"));
  }

  /**
   * What the apps' pages may load and reach: their own files and the gateway's APIs, Keycloak for
   * signing in, Stripe where it takes the cards. No inline script or style: the builds have none.
   */
  public String contentSecurityPolicy(String basePolicy) {
    String connect = "'self' " + identityProvider;
    String policy = basePolicy;
    if (stripe()) {
      connect += " " + STRIPE_API;
      policy += "; script-src 'self' " + STRIPE_SCRIPTS + "; frame-src " + STRIPE_FRAMES;
    }
    return policy + "; connect-src " + connect;
  }
}
