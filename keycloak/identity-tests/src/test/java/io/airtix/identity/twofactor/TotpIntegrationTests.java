package io.airtix.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.Totp;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;

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
    browser.screenshot("configure-totp");
    browser.page().getByText("Unable to scan?").click();
    Totp app = Totp.ofDisplayedKey(browser.page().locator("#kc-totp-secret-key").innerText());

    browser.page().locator("#totp").fill(app.code(0));
    browser.page().locator("#userLabel").fill("Phone");
    browser.page().locator("#saveTOTPBtn").click();
    browser.awaitTokens();

    browser.startSignIn(Map.of("prompt", "login"));
    browser.submitCredentials(traveller.username(), traveller.password());
    assertThat(browser.isAtTheWebApp()).isFalse();
    browser.screenshot("sign-in-otp");
    browser.page().locator("#otp").fill("000000".equals(app.code(1)) ? "111111" : "000000");
    browser.page().locator("#kc-login").click();
    assertThat(browser.feedback()).isEqualTo("Invalid authenticator code.");
    assertThat(browser.isAtTheWebApp()).isFalse();

    // the enrolment used this step's code, which is not reusable: the next step's code is within Keycloak's window
    browser.page().locator("#otp").fill(app.code(1));
    browser.page().locator("#kc-login").click();
    assertThat(KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText()).isEqualTo(traveller.id());
  }
}
