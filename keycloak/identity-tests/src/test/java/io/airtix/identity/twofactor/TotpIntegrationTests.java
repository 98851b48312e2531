package io.airtix.identity.twofactor;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;

@IdentityTest
class TotpIntegrationTests {

  private final KeycloakServer keycloak;

  TotpIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void travellerEnrolsAnAuthenticatorAppWhichThenGuardsEverySignIn(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn(Map.of("kc_action", "CONFIGURE_TOTP"));
    browser.submitCredentials(traveller.username(), traveller.password());
    browser.page().locator("#kc-totp-settings-form").waitFor();
    assertAccessible(browser.page(), "authenticator set-up");
    AuthenticatorApp app = AuthenticatorAppPages.setUp(browser, "configure-totp");
    browser.awaitTokens();

    browser.startSignIn(Map.of("prompt", "login"));
    browser.submitCredentials(traveller.username(), traveller.password());
    assertThat(browser.isAtTheWebApp()).isFalse();
    browser.screenshot("sign-in-otp");
    assertAccessible(browser.page(), "authenticator code");
    String code = app.nextCode();
    AuthenticatorAppPages.enterCode(browser, "000000".equals(code) ? "111111" : "000000");
    assertThat(browser.feedback()).isEqualTo("Invalid authenticator code.");
    assertThat(browser.isAtTheWebApp()).isFalse();

    // the right code after the wrong one
    AuthenticatorAppPages.enterCode(browser, code);
    assertThat(KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());
  }
}
