package io.airtix.identity.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;

@IdentityTest
class PasskeysIntegrationTests {

  private final KeycloakServer keycloak;

  PasskeysIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void travellerRegistersAPasskeyAndTheSignInPageOffersIt(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    addPlatformAuthenticator(browser);
    // Keycloak asks a name for the new passkey in a prompt
    browser.page().onDialog(dialog -> dialog.accept("Laptop"));
    browser.startSignIn(Map.of("kc_action", "webauthn-register-passwordless"));
    browser.submitCredentials(traveller.username(), traveller.password());
    browser.screenshot("register-passkey");

    browser.page().locator("#registerWebAuthn").click();
    Tokens tokens = browser.awaitTokens();

    assertThat(keycloak.airtixRealm().resource().users().get(traveller.id()).credentials())
        .anySatisfy(credential -> {
          assertThat(credential.getType()).isEqualTo("webauthn-passwordless");
          assertThat(credential.getUserLabel()).isEqualTo("Laptop");
        });
    browser.signOut(tokens);
    browser.startSignIn();
    assertThat(browser.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Passkey"))
        .isVisible()).isTrue();
    browser.screenshot("sign-in-with-passkey");
  }

  /** Chromium's virtual authenticator: a platform authenticator that keeps passkeys and verifies the user at once. */
  private static void addPlatformAuthenticator(WebBrowser browser) {
    CDPSession devtools = browser.page().context().newCDPSession(browser.page());
    devtools.send("WebAuthn.enable");
    JsonObject options = new JsonObject();
    options.addProperty("protocol", "ctap2");
    options.addProperty("transport", "internal");
    options.addProperty("hasResidentKey", true);
    options.addProperty("hasUserVerification", true);
    options.addProperty("isUserVerified", true);
    options.addProperty("automaticPresenceSimulation", true);
    JsonObject parameters = new JsonObject();
    parameters.add("options", options);
    devtools.send("WebAuthn.addVirtualAuthenticator", parameters);
  }
}
