package io.airtix.identity.sessions;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.LoginFailedException;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import org.junit.jupiter.api.Test;

@IdentityTest
class SessionsIntegrationTests {

  private final KeycloakServer keycloak;

  SessionsIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void travellerSeesTheirSessionsAndSignsAnotherDeviceOut(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    Tokens otherDevice = keycloak.login(traveller);

    browser.page().navigate(keycloak.issuer() + "/account/account-security/device-activity");
    browser.submitCredentials(traveller.username(), traveller.password());
    browser.page().getByText("Signed in devices").first().waitFor();
    assertThat(browser.page().getByText("Current session").count()).isEqualTo(1);
    Locator signOutOther =
        browser
            .page()
            .getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true));
    assertThat(signOutOther.count()).isEqualTo(1);
    browser.screenshot("device-activity");
    assertAccessible(browser.page(), "device activity");

    signOutOther.click();
    browser
        .page()
        .getByRole(AriaRole.DIALOG)
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm"))
        .click();

    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true))
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    assertThatThrownBy(() -> keycloak.refresh(otherDevice))
        .isInstanceOfSatisfying(
            LoginFailedException.class,
            refused -> assertThat(refused.error()).isEqualTo("invalid_grant"));
    assertThat(keycloak.airtixRealm().resource().users().get(traveller.id()).getUserSessions())
        .hasSize(1);
  }
}
