package io.airtix.identity.passkeys;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
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
    assertAccessible(browser.page(), "sign in with passkey");
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

  @Test
  void tenantAdminSigningInWithAPasskeyIsNotAskedForACodeToo(WebBrowser browser) {
    TestUser admin = keycloak.createUser(TestUsers.member("aerolux", "tenant-admin"));
    // the first sign-in sets the authenticator app up
    keycloak.login(admin);
    registerPasskey(browser, admin, "Laptop");
    List<String> formsSent = formsSentToKeycloak(browser);

    browser.startSignIn();
    Tokens tokens = browser.awaitTokens();

    // the passkey verified the person: something they have and something they are or know
    assertThat(KeycloakServer.claims(tokens.accessToken()).path("sub").asText())
        .isEqualTo(admin.id());
    assertSignedInWithThePasskeyAlone(formsSent);
  }

  @Test
  void passkeyAssertionWithoutUserVerificationDoesNotSignATenantAdminIn(WebBrowser browser) {
    TestUser admin = keycloak.createUser(TestUsers.member("aerolux", "tenant-admin"));
    keycloak.login(admin);
    VirtualAuthenticator laptop = registerPasskey(browser, admin, "Laptop");
    // the authenticator now proves presence only (a touch, no fingerprint or PIN), and the browser
    // asks for nothing more, whatever the page asked for: an assertion without user verification
    laptop.stopVerifyingThePerson();
    browser
        .page()
        .context()
        .addInitScript(
            "const get = navigator.credentials.get.bind(navigator.credentials);"
                + " navigator.credentials.get = options => {"
                + " if (options && options.publicKey) {"
                + " options.publicKey.userVerification = 'discouraged'; }"
                + " return get(options); };");
    browser.withoutPasskeyAutofill();
    List<String> formsSent = formsSentToKeycloak(browser);

    browser.startSignIn();
    browser
        .page()
        .waitForResponse(
            response ->
                "POST".equals(response.request().method())
                    && response.url().contains("/login-actions/"),
            () ->
                browser.clickScripted(
                    browser
                        .page()
                        .getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Sign in with Passkey"))));
    browser.page().waitForLoadState();

    assertThat(formsSent).hasSize(1);
    assertThat(formsSent.get(0))
        .as("an assertion, no browser error")
        .contains("signature=", "&error=&");
    assertThat(userVerified(formsSent.get(0))).as("user verification flag").isFalse();
    browser.screenshot("passkey-without-user-verification");
    // Keycloak refuses the assertion outright (the realm's passkeys require user verification): not
    // even the code prompt is reached
    assertThat(browser.isAtTheWebApp()).isFalse();
    assertThat(browser.page().locator("#otp").count()).isZero();
    assertThat(browser.page().locator("#kc-totp-settings-form").count()).isZero();
    assertThat(browser.feedback()).isEqualTo("Passkey authentication result is invalid.");
  }

  /**
   * Signs in with the password (and the code of the person's authenticator app where Keycloak asks
   * for one), registers a passkey on the browser's authenticator and signs out again.
   */
  private static VirtualAuthenticator registerPasskey(
      WebBrowser browser, TestUser person, String label) {
    VirtualAuthenticator authenticator = addPlatformAuthenticator(browser);
    // Keycloak asks a name for the new passkey in a prompt
    browser.page().onDialog(dialog -> dialog.accept(label));
    browser.startSignIn(Map.of("kc_action", "webauthn-register-passwordless"));
    browser.submitCredentials(person.username(), person.password());
    if (person.authenticator().key().isPresent()) {
      browser.page().locator("#otp").fill(person.authenticator().nextCode());
      browser.page().locator("#kc-login").click();
    }
    browser.page().locator("#registerWebAuthn").waitFor();
    browser.screenshot("register-passkey");
    assertAccessible(browser.page(), "register passkey");
    browser.clickScripted(browser.page().locator("#registerWebAuthn"));
    browser.signOut(browser.awaitTokens());
    return authenticator;
  }

  /** Whether the assertion in a form sent to Keycloak says the authenticator verified the user. */
  private static boolean userVerified(String form) {
    String authenticatorData =
        Arrays.stream(form.split("&"))
            .filter(field -> field.startsWith("authenticatorData="))
            .map(field -> URLDecoder.decode(field.substring(18), StandardCharsets.UTF_8))
            .findFirst()
            .orElseThrow();
    // WebAuthn: 32 bytes of RP id hash, then the flags; bit 2 is UV
    byte flags = Base64.getUrlDecoder().decode(authenticatorData)[32];
    return (flags & 0x04) != 0;
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
  private static VirtualAuthenticator addPlatformAuthenticator(WebBrowser browser) {
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
    String id =
        devtools
            .send("WebAuthn.addVirtualAuthenticator", parameters)
            .get("authenticatorId")
            .getAsString();
    return new VirtualAuthenticator(devtools, id);
  }

  /** A virtual authenticator as Chromium's DevTools know it. */
  private record VirtualAuthenticator(CDPSession devtools, String id) {

    /** From now on it proves the person's presence only, as a key without fingerprint or PIN. */
    void stopVerifyingThePerson() {
      JsonObject parameters = new JsonObject();
      parameters.addProperty("authenticatorId", id);
      parameters.addProperty("isUserVerified", false);
      devtools.send("WebAuthn.setUserVerified", parameters);
    }
  }
}
