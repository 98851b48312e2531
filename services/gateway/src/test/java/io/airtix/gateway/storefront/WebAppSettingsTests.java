package io.airtix.gateway.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebAppSettingsTests {

  private static final String BASE = "default-src 'self'";
  private static final URI KEYCLOAK = URI.create("http://localhost:8180");

  @Test
  void admitsStripesScriptFramesAndApiOnlyWhereItTakesTheCards() {
    WebAppSettings withStripe = withStripeKey("pk_test_51Airtix");

    assertThat(withStripe.contentSecurityPolicy(BASE))
        .contains(
            "script-src 'self' https://js.stripe.com",
            "frame-src https://js.stripe.com https://hooks.stripe.com",
            "connect-src 'self' http://localhost:8180 https://api.stripe.com");
    assertThat(settings().contentSecurityPolicy(BASE))
        .isEqualTo(BASE + "; connect-src 'self' http://localhost:8180");
    assertThat(withStripeKey("  ").contentSecurityPolicy(BASE))
        .isEqualTo(BASE + "; connect-src 'self' http://localhost:8180");
  }

  @Test
  void givesTheAppsTheRealmTheClientAndStripesKeyWhereThereIsOne() {
    assertThat(StorefrontConfig.of(settings()))
        .isEqualTo(new StorefrontConfig("http://localhost:8180/realms/airtix", "airtix-web", null));
    assertThat(StorefrontConfig.of(withStripeKey(" pk_live_51Airtix ")))
        .isEqualTo(
            new StorefrontConfig(
                "http://localhost:8180/realms/airtix", "airtix-web", "pk_live_51Airtix"));
    assertThat(
            new WebAppSettings(
                    List.of("react"), URI.create("https://id.example.org"), "sky", "shop", null)
                .authority())
        .isEqualTo("https://id.example.org/realms/sky");
  }

  @Test
  void refusesAStripeKeyThatIsNotThePublishableOneWithoutRepeatingIt() {
    assertThatThrownBy(() -> withStripeKey("sk_test_51Secret"))
        .hasMessageContaining("stripe-publishable-key")
        .hasMessageContaining("STRIPE_PUBLISHABLE_KEY")
        .hasMessageContaining("starts with 'sk_', not with 'pk_'")
        .hasMessageContaining("publishable key (pk_live_… or pk_test_…)")
        .hasMessageNotContaining("51Secret");
  }

  @Test
  void tellsAnAppsPathsFromOthers() {
    WebAppSettings settings = settings();

    assertThat(settings.isWebApp("/react")).isTrue();
    assertThat(settings.isWebApp("/react/tickets/1")).isTrue();
    assertThat(settings.isWebApp("/reactive")).isFalse();
    assertThat(settings.isWebApp("/api/tickets")).isFalse();
    assertThat(settings.defaultApp()).isEqualTo("react");
  }

  @Test
  void refusesAnIdentityProviderWithAPath() {
    assertThatThrownBy(
            () ->
                new WebAppSettings(
                    List.of("react"),
                    URI.create("http://localhost:8180/realms/airtix"),
                    "airtix",
                    "airtix-web",
                    ""))
        .hasMessageContaining("identity-provider")
        .hasMessageContaining("without a path");
  }

  @Test
  void refusesARealmWithAPathAndABlankClient() {
    assertThatThrownBy(
            () -> new WebAppSettings(List.of("react"), KEYCLOAK, "realms/airtix", "airtix-web", ""))
        .hasMessageContaining("realm")
        .hasMessageContaining("the realm's name alone");
    assertThatThrownBy(() -> new WebAppSettings(List.of("react"), KEYCLOAK, "airtix", " ", ""))
        .hasMessageContaining("client-id is blank");
  }

  private static WebAppSettings settings() {
    return new WebAppSettings(List.of("react", "vue"), KEYCLOAK, "airtix", "airtix-web", null);
  }

  private static WebAppSettings withStripeKey(String key) {
    return new WebAppSettings(List.of("react"), KEYCLOAK, "airtix", "airtix-web", key);
  }
}
