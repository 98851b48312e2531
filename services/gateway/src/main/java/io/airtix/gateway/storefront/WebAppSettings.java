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
 * @param stripe whether card payments go through Stripe's Payment Element, whose script, frames and
 *     API the apps' Content-Security-Policy then admits
 */
@ConfigurationProperties("airtix.gateway.web-apps")
public record WebAppSettings(
    @DefaultValue({"react", "vue", "svelte"}) List<String> apps,
    @DefaultValue("http://localhost:8180") URI identityProvider,
    @DefaultValue("false") boolean stripe) {

  private static final String STRIPE_SCRIPTS = "https://js.stripe.com";
  private static final String STRIPE_FRAMES = "https://js.stripe.com https://hooks.stripe.com";
  private static final String STRIPE_API = "https://api.stripe.com";

  public WebAppSettings {
    if (apps.isEmpty()) {
      throw new IllegalArgumentException("airtix.gateway.web-apps.apps names no app");
    }
    if (identityProvider.getHost() == null
        || identityProvider.getRawPath() != null && !identityProvider.getRawPath().isEmpty()) {
      throw new IllegalArgumentException(
          "airtix.gateway.web-apps.identity-provider is '"
              + identityProvider
              + "': Keycloak's origin, scheme, host and port without a path, e.g."
              + " http://localhost:8180");
    }
  }

  /** The app {@code /} leads to. */
  public String defaultApp() {
    return apps.get(0);
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
    if (stripe) {
      connect += " " + STRIPE_API;
      policy += "; script-src 'self' " + STRIPE_SCRIPTS + "; frame-src " + STRIPE_FRAMES;
    }
    return policy + "; connect-src " + connect;
  }
}
