package io.airtix.identity.twofactor;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;

@IdentityTest
class RecoveryCodesIntegrationTests {

  private final KeycloakServer keycloak;

  RecoveryCodesIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void travellerSetsUpRecoveryCodesAndSignsInWithOneInsteadOfTheAuthenticatorCodeOnce(
      WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn(Map.of("kc_action", "CONFIGURE_TOTP"));
    browser.submitCredentials(traveller.username(), traveller.password());
    AuthenticatorAppPages.setUp(browser, "recovery-codes-configure-totp-first");
    browser.awaitTokens();

    // the account console's "Signing in" page (same session: no new sign-in) offers the codes
    browser.page().navigate(keycloak.issuer() + "/account/account-security/signing-in");
    browser
        .page()
        .getByText(Pattern.compile("Set up recovery", Pattern.CASE_INSENSITIVE))
        .first()
        .waitFor();
    browser.screenshot("account-signing-in");
    browser
        .page()
        .getByText(Pattern.compile("Set up recovery", Pattern.CASE_INSENSITIVE))
        .first()
        .click();
    browser.page().locator("#kc-recovery-codes-list").waitFor();
    browser.screenshot("recovery-codes-set-up");
    assertAccessible(browser.page(), "recovery codes set up");
    List<String> codes = browser.page().locator("#kc-recovery-codes-list li").allInnerTexts();
    browser.page().locator("#kcRecoveryCodesConfirmationCheck").check();
    browser.page().locator("#saveRecoveryAuthnCodesBtn").click();
    browser.page().waitForURL(url -> url.contains("/account"));
    assertThat(codes)
        .hasSizeGreaterThanOrEqualTo(10)
        .allMatch(code -> code.matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}"));
    assertThat(credentialTypes(traveller)).contains("otp", "recovery-authn-codes");

    signInUpToTheRecoveryCodePrompt(browser, traveller);
    browser.screenshot("sign-in-recovery-code");
    assertAccessible(browser.page(), "sign in recovery code");
    String first = codes.get(0);
    browser.page().locator("#recoveryCodeInput").fill(first);
    browser.page().locator("#kc-login").click();
    assertThat(KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());

    signInUpToTheRecoveryCodePrompt(browser, traveller);
    browser.page().locator("#recoveryCodeInput").fill(first);
    browser.page().locator("#kc-login").click();
    assertThat(browser.feedback()).isEqualTo("Invalid recovery authentication code");
    assertThat(browser.isAtTheWebApp()).isFalse();
  }

  /**
   * A fresh sign-in with the password, then "Try another way" on the code prompt, then "Recovery
   * Authentication Code".
   */
  private static void signInUpToTheRecoveryCodePrompt(WebBrowser browser, TestUser traveller) {
    browser.startSignIn(Map.of("prompt", "login"));
    browser.submitCredentials(traveller.username(), traveller.password());
    browser.page().locator("#otp").waitFor();
    browser.page().locator("#try-another-way").click();
    browser.page().getByText("Recovery Authentication Code").first().click();
    browser.page().locator("#recoveryCodeInput").waitFor();
  }

  private List<String> credentialTypes(TestUser user) {
    return keycloak.airtixRealm().resource().users().get(user.id()).credentials().stream()
        .map(CredentialRepresentation::getType)
        .toList();
  }
}
