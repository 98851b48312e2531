package io.airtix.gateway.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebAppSettingsTests {

  private static final String BASE = "default-src 'self'";

  @Test
  void admitsStripesScriptFramesAndApiOnlyWhereItTakesTheCards() {
    WebAppSettings withStripe =
        new WebAppSettings(List.of("react"), URI.create("http://localhost:8180"), true);

    assertThat(withStripe.contentSecurityPolicy(BASE))
        .contains(
            "script-src 'self' https://js.stripe.com",
            "frame-src https://js.stripe.com https://hooks.stripe.com",
            "connect-src 'self' http://localhost:8180 https://api.stripe.com");
    assertThat(settings().contentSecurityPolicy(BASE))
        .isEqualTo(BASE + "; connect-src 'self' http://localhost:8180");
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
                    List.of("react"), URI.create("http://localhost:8180/realms/airtix"), false))
        .hasMessageContaining("identity-provider")
        .hasMessageContaining("without a path");
  }

  private static WebAppSettings settings() {
    return new WebAppSettings(List.of("react", "vue"), URI.create("http://localhost:8180"), false);
  }
}
