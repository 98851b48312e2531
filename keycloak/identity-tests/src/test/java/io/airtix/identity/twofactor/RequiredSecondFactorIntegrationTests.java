package io.airtix.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;

@IdentityTest
class RequiredSecondFactorIntegrationTests {

  private final KeycloakServer keycloak;

  RequiredSecondFactorIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void
      tenantAdminWithoutASecondFactorMustSetUpAnAuthenticatorAppAndIsAskedForItsCodeOnceAtEverySignIn(
          WebBrowser browser) {
    TestUser admin = keycloak.createUser(TestUsers.member("aerolux", "tenant-admin"));

    browser.startSignIn();
    browser.submitCredentials(admin.username(), admin.password());
    browser.page().locator("#kc-totp-settings-form").waitFor();
    assertThat(browser.page().locator("#cancelTOTPBtn").count())
        .as("no way to skip the set-up")
        .isZero();

    // starting over does not get them in either
    browser.startSignIn();
    browser.submitCredentials(admin.username(), admin.password());
    AuthenticatorApp app = AuthenticatorAppPages.setUp(browser, "tenant-admin-must-set-up-totp");
    assertThat(KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText())
        .isEqualTo(admin.id());

    browser.startSignIn(Map.of("prompt", "login"));
    browser.submitCredentials(admin.username(), admin.password());
    browser.page().locator("#otp").waitFor();
    assertThat(browser.isAtTheWebApp()).isFalse();
    browser.screenshot("tenant-admin-sign-in-otp");
    AuthenticatorAppPages.enterCode(browser, app.nextCode());
    // one code and Keycloak lets them go: the set-up flow for admins does not ask again
    Tokens tokens = browser.awaitTokens();
    assertThat(KeycloakServer.claims(tokens.accessToken()).path("sub").asText())
        .isEqualTo(admin.id());
  }

  @Test
  void travellerWithoutASecondFactorIsNotAskedForOne(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());

    Tokens tokens = browser.signIn(traveller.username(), traveller.password());

    assertThat(KeycloakServer.claims(tokens.accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());
    assertThat(
            keycloak
                .airtixRealm()
                .resource()
                .users()
                .get(traveller.id())
                .toRepresentation()
                .getRequiredActions())
        .isEmpty();
  }
}
