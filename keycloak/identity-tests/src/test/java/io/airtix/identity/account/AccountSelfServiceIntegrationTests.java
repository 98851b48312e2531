package io.airtix.identity.account;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.LoginFailedException;
import io.airtix.testing.keycloak.KeycloakEvents;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.mail.Mail;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What a person changes about their own account from the web app: the app sends them to Keycloak
 * with the action ({@code kc_action}, application-initiated actions), Keycloak asks them to sign in
 * again and shows its page.
 */
@IdentityTest
class AccountSelfServiceIntegrationTests {

  /** What the services hear of a person's own changes, through the broker. */
  private static KeycloakEvents events;

  private final KeycloakServer keycloak;

  AccountSelfServiceIntegrationTests(KeycloakServer keycloak) {
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
  void travellerUpdatesTheirName(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    startAction(browser, traveller, "UPDATE_PROFILE");
    browser.screenshot("update-profile");
    assertAccessible(browser.page(), "update profile");

    browser.page().getByLabel("First name").fill("Ada");
    browser.page().getByLabel("Last name").fill("Lovelace");
    submit(browser);

    JsonNode claims = KeycloakServer.claims(browser.awaitTokens().accessToken());
    assertThat(claims.path("given_name").asText()).isEqualTo("Ada");
    assertThat(claims.path("family_name").asText()).isEqualTo("Lovelace");
    JsonNode updated =
        events.await(
            "user.updated",
            traveller.id(),
            event -> event.path("payload").path("lastName").asText().equals("Lovelace"));
    assertThat(updated.path("payload").path("firstName").asText()).isEqualTo("Ada");
  }

  @Test
  void newEmailAddressCountsOnlyOnceVerified(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    String newAddress = "new-" + traveller.email();
    startAction(browser, traveller, "UPDATE_EMAIL");
    browser.screenshot("update-email");
    assertAccessible(browser.page(), "update email");

    browser.page().getByLabel("Email").fill(newAddress);
    submit(browser);

    assertThat(account(traveller).getEmail()).isEqualTo(traveller.email());
    Mail confirmation = keycloak.mailServer().awaitMailTo(newAddress);
    assertThat(confirmation.subject()).isEqualTo("Confirm your new Airtix e-mail address");
    browser.open(confirmation.link("/login-actions/action-token"));
    assertThat(account(traveller).getEmail()).isEqualTo(newAddress);
    assertThat(account(traveller).isEmailVerified()).isTrue();
    events.await(
        "user.updated",
        traveller.id(),
        event -> event.path("payload").path("email").asText().equals(newAddress));
  }

  @Test
  void travellerChangesTheirPassword(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    String newPassword = TestUsers.randomPassword();
    startAction(browser, traveller, "UPDATE_PASSWORD");
    browser.screenshot("change-password");
    assertAccessible(browser.page(), "change password");

    browser.page().getByLabel("New Password").fill(newPassword);
    browser.page().getByLabel("Confirm password").fill(newPassword);
    submit(browser);
    browser.awaitTokens();

    assertThatThrownBy(() -> keycloak.login(traveller)).isInstanceOf(LoginFailedException.class);
    keycloak.login(
        new TestUser(traveller.id(), traveller.username(), traveller.email(), newPassword));
  }

  @Test
  void travellerDeletesTheirAccount(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    startAction(browser, traveller, "delete_account");
    assertThat(browser.text())
        .contains("Delete account confirmation", "This action is irreversible");
    browser.screenshot("delete-account");
    assertAccessible(browser.page(), "delete account");

    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm deletion"))
        .click();

    browser.page().getByText("User deleted successfully").waitFor();
    assertThat(keycloak.airtixRealm().resource().users().search(traveller.username(), true))
        .isEmpty();
    assertThatThrownBy(() -> keycloak.login(traveller)).isInstanceOf(LoginFailedException.class);
    JsonNode deleted = events.await("user.deleted", traveller.id());
    assertThat(deleted.toString()).doesNotContain(traveller.email(), traveller.username());
  }

  private static void startAction(WebBrowser browser, TestUser traveller, String action) {
    browser.startSignIn(Map.of("kc_action", action));
    browser.submitCredentials(traveller.username(), traveller.password());
  }

  private static void submit(WebBrowser browser) {
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
        .click();
  }

  private UserRepresentation account(TestUser traveller) {
    return keycloak.airtixRealm().resource().users().get(traveller.id()).toRepresentation();
  }
}
