package io.airtix.identity.theme;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.NewUser;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.mail.Mail;
import org.junit.jupiter.api.Test;

/**
 * The Airtix pages pass axe-core's WCAG 2.1 A and AA rules (labels, names, contrast, language,
 * landmarks…) as people meet them: fresh, with an error shown, the mails in their HTML form, and
 * the account console. The authenticator-app pages are checked where they are used ({@code
 * TotpIntegrationTests}).
 */
@IdentityTest
class ThemeAccessibilityIntegrationTests {

  private final KeycloakServer keycloak;

  ThemeAccessibilityIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void signInPageBeforeAndAfterAWrongPassword(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    assertAccessible(browser.page(), "sign-in");

    browser.submitCredentials(traveller.username(), "not-" + traveller.password());
    assertThat(browser.feedback()).isEqualTo("Invalid username or password.");
    assertAccessible(browser.page(), "sign-in with an error");
  }

  @Test
  void registrationPageBeforeAndAfterAMistakeAndItsVerificationMail(WebBrowser browser) {
    NewUser jane = TestUsers.customer();
    browser.startSignIn();
    browser
        .page()
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register"))
        .click();
    assertAccessible(browser.page(), "registration");

    browser.page().getByLabel("Username").fill(jane.username());
    browser.page().getByLabel("Email").fill("not-an-address");
    register(browser);
    assertThat(browser.text()).contains("Invalid email address.");
    assertAccessible(browser.page(), "registration with an error");

    browser.page().getByLabel("Email").fill(jane.email());
    browser.page().getByLabel("First name").fill(jane.firstName());
    browser.page().getByLabel("Last name").fill(jane.lastName());
    register(browser);
    assertThat(browser.text())
        .contains("You need to verify your email address to activate your account.");
    assertAccessible(browser.page(), "verify your address");

    assertMailAccessible(browser, keycloak.mailServer().awaitMailTo(jane.email()));
  }

  @Test
  void passwordResetPageAndItsMail(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    browser
        .page()
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot Password?"))
        .click();
    assertAccessible(browser.page(), "forgot password");

    browser.page().getByLabel("Username or email").fill(traveller.email());
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
        .click();
    assertAccessible(browser.page(), "reset mail sent");

    assertMailAccessible(browser, keycloak.mailServer().awaitMailTo(traveller.email()));
  }

  @Test
  void emailSignInPagesAndTheirMail(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a sign-in link"))
        .click();
    assertAccessible(browser.page(), "e-mail sign-in");

    browser
        .page()
        .getByLabel("Email", new Page.GetByLabelOptions().setExact(true))
        .fill(traveller.email());
    browser
        .page()
        .getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link and a code"))
        .click();
    assertThat(browser.text()).contains("Check your e-mail");
    assertAccessible(browser.page(), "e-mail sign-in code");

    assertMailAccessible(browser, keycloak.mailServer().awaitMailTo(traveller.email()));
  }

  @Test
  void accountConsoleOnceSignedIn(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.page().navigate(keycloak.issuer() + "/account");
    browser.submitCredentials(traveller.username(), traveller.password());
    browser.page().getByTestId("page-header").waitFor();
    browser.page().waitForLoadState();
    assertAccessible(browser.page(), "account console");
  }

  private static void register(WebBrowser browser) {
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register"))
        .click();
  }

  /** Shows the mail's HTML part in the page, as a mail program would, and checks it like a page. */
  private static void assertMailAccessible(WebBrowser browser, Mail mail) {
    assertThat(mail.html()).as("the HTML part of '%s'", mail.subject()).isNotEmpty();
    browser.page().setContent(mail.html());
    assertAccessible(browser.page(), "mail '" + mail.subject() + "'");
  }
}
