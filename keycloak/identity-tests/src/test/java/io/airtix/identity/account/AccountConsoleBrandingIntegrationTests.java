package io.airtix.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import org.junit.jupiter.api.Test;

@IdentityTest
class AccountConsoleBrandingIntegrationTests {

  private final KeycloakServer keycloak;

  AccountConsoleBrandingIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void accountConsoleShowsTheAirtixLogoAndColours(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());

    browser.page().navigate(keycloak.issuer() + "/account");
    browser.submitCredentials(traveller.username(), traveller.password());
    Locator logo =
        browser
            .page()
            .getByTestId("page-header")
            .getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("Airtix"));
    logo.waitFor();
    browser.page().waitForLoadState();
    browser.screenshot("account-console");

    assertThat(logo.getAttribute("src")).endsWith("/account/airtix/img/airtix-logo.svg");
    // loaded, not a broken image: Keycloak found the file in our theme
    assertThat((Integer) logo.evaluate("image => image.naturalWidth")).isPositive();
    assertThat(
            browser
                .page()
                .locator(".pf-v5-c-masthead")
                .first()
                .evaluate("masthead => getComputedStyle(masthead).backgroundColor"))
        .isEqualTo("rgb(11, 37, 69)");
    assertThat(browser.page().title()).isEqualTo("Airtix account");
  }
}
