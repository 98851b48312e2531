package io.airtix.identity.passwordpolicy;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.airtix.identity.People;
import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import org.junit.jupiter.api.Test;

@IdentityTest
class PasswordPolicyIntegrationTests {

  private final KeycloakServer keycloak;

  PasswordPolicyIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void refusesShortPasswordsTheUsernameAndTheEmailAddressThenAcceptsAGoodOne(WebBrowser browser) {
    TestUser traveller = People.withRequiredActions(keycloak, "UPDATE_PASSWORD");
    browser.startSignIn();
    browser.submitCredentials(traveller.username(), traveller.password());

    choose(browser, "Eleven-char");
    assertThat(browser.feedback()).isEqualTo("Invalid password: minimum length 12.");
    choose(browser, traveller.username());
    assertThat(browser.feedback())
        .isEqualTo("Invalid password: must not be equal to the username.");
    choose(browser, traveller.email());
    assertThat(browser.feedback()).isEqualTo("Invalid password: must not be equal to the email.");
    browser.screenshot("password-refused");
    assertAccessible(browser.page(), "password refused");
    assertThat(browser.isAtTheWebApp()).isFalse();

    choose(browser, TestUsers.randomPassword());
    browser.awaitTokens();
  }

  @Test
  void refusesCommonPasswordsWhateverTheirCaseThenAcceptsAGoodOne(WebBrowser browser) {
    TestUser traveller = People.withRequiredActions(keycloak, "UPDATE_PASSWORD");
    browser.startSignIn();
    browser.submitCredentials(traveller.username(), traveller.password());

    // both on the realm's list of common passwords (keycloak/password-blacklists), both long enough
    // for the length rule
    for (String common : new String[] {"Qwerty123456", "correct horse battery staple"}) {
      choose(browser, common);
      assertThat(browser.feedback())
          .isEqualTo(
              "Invalid password: it is one of the most common passwords. Choose one that is harder to guess.");
    }
    browser.screenshot("common-password-refused");
    assertAccessible(browser.page(), "common password refused");
    assertThat(browser.isAtTheWebApp()).isFalse();

    choose(browser, TestUsers.randomPassword());
    browser.awaitTokens();
  }

  private static void choose(WebBrowser browser, String password) {
    browser.page().getByLabel("New Password").fill(password);
    browser.page().getByLabel("Confirm password").fill(password);
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
        .click();
  }
}
