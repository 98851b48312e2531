package io.airtix.identity.passkeys;

import static io.airtix.identity.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Passkeys with Chromium's virtual authenticator standing in for the laptop's: it keeps
 * discoverable credentials and verifies the person at once. Chromium answers the sign-in page's
 * autofill request (conditional mediation) straight from such an authenticator, as if the person
 * had picked the passkey in the username field's suggestions.
 */
@IdentityTest
class PasskeysIntegrationTests {

  private final KeycloakServer keycloak;

  PasskeysIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void travellerRegistersAPasskeyAndTheSignInPageOffersIt(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());

    registerPasskey(browser, traveller, "Laptop");

    assertThat(keycloak.airtixRealm().resource().users().get(traveller.id()).credentials())
        .anySatisfy(
            credential -> {
              assertThat(credential.getType()).isEqualTo("webauthn-passwordless");
              assertThat(credential.getUserLabel()).isEqualTo("Laptop");
            });
    // with suggestions on, Chromium would use the passkey at once; without them the page shows both
    // offers
    browser.withoutPasskeyAutofill();
    browser.startSignIn();
    assertThat(browser.page().getByLabel("Username or email").getAttribute("autocomplete"))
        .isEqualTo("username webauthn");
    assertThat(
            browser
                .page()
                .getByRole(
                    AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Passkey"))
                .isVisible())
        .isTrue();
    browser.screenshot("sign-in-with-passkey");
    assertAccessible(browser, "sign in with passkey");
  }

  @Test
  void travellerSignsInWithThePasskeySuggestedInTheUsernameField(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    registerPasskey(browser, traveller, "Laptop");
    List<String> formsSent = formsSentToKeycloak(browser);

    browser.startSignIn();
    Tokens tokens = browser.awaitTokens();

    assertThat(KeycloakServer.claims(tokens.accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());
    assertSignedInWithThePasskeyAlone(formsSent);
  }

  @Test
  void travellerWhoseBrowserSuggestsNoPasskeysSignsInWithTheButton(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    registerPasskey(browser, traveller, "Laptop");
    browser.withoutPasskeyAutofill();
    List<String> formsSent = formsSentToKeycloak(browser);

    browser.startSignIn();
    browser.clickScripted(
        browser
            .page()
            .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Passkey")));
    Tokens tokens = browser.awaitTokens();

    assertThat(KeycloakServer.claims(tokens.accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());
    assertSignedInWithThePasskeyAlone(formsSent);
  }

  /**
   * Signs in with the password, registers a passkey on the browser's authenticator and signs out
   * again.
   */
  private static void registerPasskey(WebBrowser browser, TestUser traveller, String label) {
    addPlatformAuthenticator(browser);
    // Keycloak asks a name for the new passkey in a prompt
    browser.page().onDialog(dialog -> dialog.accept(label));
    browser.startSignIn(Map.of("kc_action", "webauthn-register-passwordless"));
    browser.submitCredentials(traveller.username(), traveller.password());
    browser.screenshot("register-passkey");
    assertAccessible(browser, "register passkey");
    browser.clickScripted(browser.page().locator("#registerWebAuthn"));
    browser.signOut(browser.awaitTokens());
  }

  private static List<String> formsSentToKeycloak(WebBrowser browser) {
    List<String> forms = new CopyOnWriteArrayList<>();
    browser
        .page()
        .onRequest(
            request -> {
              if ("POST".equals(request.method()) && request.url().contains("/login-actions/")) {
                forms.add(request.postData());
              }
            });
    return forms;
  }

  private static void assertSignedInWithThePasskeyAlone(List<String> formsSent) {
    assertThat(formsSent).hasSize(1);
    assertThat(formsSent.get(0))
        .contains("clientDataJSON=ey", "signature=", "userHandle=")
        .doesNotContain("password=", "error=NotAllowed");
  }

  /**
   * Chromium's virtual authenticator: a platform authenticator that keeps passkeys and verifies the
   * user at once.
   */
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
