package io.airtix.identity.registration;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.airtix.identity.People;
import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.NewUser;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.keycloak.KeycloakEvents;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.mail.Mail;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

@IdentityTest
class RegistrationIntegrationTests {

  /** What the services hear of a registration, through the broker. */
  private static KeycloakEvents events;

  private final KeycloakServer keycloak;

  RegistrationIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @BeforeAll
  static void listenToUserEvents() {
    events = KeycloakEvents.listen();
  }

  @AfterAll
  static void stopListening() {
    events.close();
  }

  @Test
  void travellerRegistersVerifiesTheAddressThenChoosesAPasswordAndIsSignedIn(WebBrowser browser) {
    NewUser jane = TestUsers.customer();
    browser.startSignIn();
    browser
        .page()
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register"))
        .click();
    assertThat(browser.page().title()).isEqualTo("Sign in to Airtix");
    assertThat(browser.text()).contains("Create your Airtix account");
    browser.screenshot("register");

    browser.page().getByLabel("Username").fill(jane.username());
    browser.page().getByLabel("Email").fill(jane.email());
    browser.page().getByLabel("First name").fill(jane.firstName());
    browser.page().getByLabel("Last name").fill(jane.lastName());
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register"))
        .click();

    assertThat(browser.text())
        .contains("You need to verify your email address to activate your account.");
    assertThat(browser.isAtTheWebApp()).isFalse();
    assertThat(account(jane.username()).isEmailVerified()).isFalse();
    browser.screenshot("verify-email");

    Mail verification = keycloak.mailServer().awaitMailTo(jane.email());
    assertThat(verification.subject()).isEqualTo("Verify your Airtix e-mail address");
    assertThat(verification.from()).isEqualTo("no-reply@airtix.test");
    browser.open(verification.link("/login-actions/action-token"));

    // the password comes after the address is proven, so nobody can park a password on someone
    // else's address
    assertThat(browser.text()).contains("Update password");
    browser.screenshot("choose-password");
    assertAccessible(browser.page(), "choose password");
    browser.page().getByLabel("New Password").fill(jane.password());
    browser.page().getByLabel("Confirm password").fill(jane.password());
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
        .click();

    JsonNode claims = KeycloakServer.claims(browser.awaitTokens().accessToken());
    assertThat(claims.path("preferred_username").asText()).isEqualTo(jane.username());
    assertThat(claims.path("email_verified").asBoolean()).isTrue();
    assertThat(claims.path("realm_access").path("roles").toString()).contains("\"customer\"");
    Tokens again =
        keycloak.login(
            new TestUser(
                account(jane.username()).getId(), jane.username(), jane.email(), jane.password()));
    assertThat(again.accessToken()).isNotBlank();
    JsonNode created = events.await("user.created", account(jane.username()).getId());
    assertThat(created.path("payload").path("email").asText()).isEqualTo(jane.email());
    assertThat(created.path("payload").path("lastName").asText()).isEqualTo(jane.lastName());
  }

  @Test
  void anAddressThatHasAnAccountGetsTheSamePageCreatesNothingAndTheOwnerIsTold(WebBrowser browser) {
    TestUser owner = keycloak.createUser(TestUsers.customer());
    UserRepresentation ownerBefore =
        keycloak.airtixRealm().resource().users().get(owner.id()).toRepresentation();
    NewUser newcomer = TestUsers.customer();
    NewUser intruder = TestUsers.customer();

    String newAddressPage = register(browser, newcomer, newcomer.email());
    String takenAddressPage = register(browser, intruder, owner.email());
    browser.screenshot("register-taken-address");
    assertAccessible(browser.page(), "register taken address");

    assertThat(takenAddressPage.replace(owner.email(), "<address>"))
        .isEqualTo(newAddressPage.replace(newcomer.email(), "<address>"))
        .contains(
            "You need to verify your email address to activate your account.",
            "An email with instructions to verify your email address has been sent to your address <address>.");
    assertThat(keycloak.mailServer().awaitMailTo(newcomer.email()).subject())
        .isEqualTo("Verify your Airtix e-mail address");
    assertThat(keycloak.airtixRealm().resource().users().search(intruder.username(), true))
        .isEmpty();
    assertThat(keycloak.airtixRealm().resource().users().searchByEmail(owner.email(), true))
        .hasSize(1);
    UserRepresentation ownerAfter =
        keycloak.airtixRealm().resource().users().get(owner.id()).toRepresentation();
    assertThat(ownerAfter).usingRecursiveComparison().isEqualTo(ownerBefore);

    Mail notice = keycloak.mailServer().awaitMailTo(owner.email());
    assertThat(notice.subject())
        .isEqualTo("Someone tried to create an Airtix account with your address");
    assertThat(notice.text()).contains("no account was created and yours is unchanged");
    assertThat(notice.link("/realms/airtix/account")).isNotNull();
    // the owner's password still works, and the notice is the only mail the owner got
    assertThat(keycloak.login(owner).accessToken()).isNotBlank();
    assertThat(keycloak.mailServer().mailsTo(owner.email())).hasSize(1);
  }

  @Test
  void aTakenUsernameIsRefusedWithoutSayingWhetherTheAddressIsTakenToo(WebBrowser browser) {
    TestUser owner = keycloak.createUser(TestUsers.customer());
    NewUser someoneElse = TestUsers.customer();

    List<String> withTheOwnersAddress = refusals(browser, owner.username(), owner.email());
    List<String> withAFreeAddress = refusals(browser, owner.username(), someoneElse.email());

    assertThat(withTheOwnersAddress)
        .containsExactly("Username already exists.")
        .isEqualTo(withAFreeAddress);
    assertThat(keycloak.airtixRealm().resource().users().searchByEmail(someoneElse.email(), true))
        .isEmpty();
  }

  @Test
  void accountWithAnUnverifiedAddressCannotBeUsed(WebBrowser browser) {
    TestUser unverified = People.withUnverifiedAddress(keycloak);

    browser.startSignIn();
    browser.submitCredentials(unverified.username(), unverified.password());

    assertThat(browser.text())
        .contains("You need to verify your email address to activate your account.");
    assertThat(browser.isAtTheWebApp()).isFalse();
    assertThat(keycloak.mailServer().awaitMailTo(unverified.email()).subject())
        .isEqualTo("Verify your Airtix e-mail address");
  }

  /**
   * Fills and sends the registration form in a fresh sign-in; returns the text of the page that
   * answers.
   */
  private static String register(WebBrowser browser, NewUser person, String email) {
    fillRegistration(browser, person.username(), email, person.firstName(), person.lastName());
    browser.page().getByText("You need to verify your email address").waitFor();
    return browser.text();
  }

  /** Opens the registration form in a fresh sign-in, fills it and sends it. */
  private static void fillRegistration(
      WebBrowser browser, String username, String email, String firstName, String lastName) {
    browser.startSignIn();
    browser
        .page()
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register"))
        .click();
    browser.page().getByLabel("Username").fill(username);
    browser.page().getByLabel("Email").fill(email);
    browser.page().getByLabel("First name").fill(firstName);
    browser.page().getByLabel("Last name").fill(lastName);
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register"))
        .click();
  }

  /** The errors the registration form shows for these details, in order. */
  private static List<String> refusals(WebBrowser browser, String username, String email) {
    fillRegistration(browser, username, email, "Test", "Customer");
    browser.page().locator(".kc-feedback-text").first().waitFor();
    return browser.page().locator(".kc-feedback-text").allInnerTexts().stream()
        .map(String::strip)
        .toList();
  }

  private UserRepresentation account(String username) {
    return keycloak.airtixRealm().resource().users().search(username, true).get(0);
  }
}
