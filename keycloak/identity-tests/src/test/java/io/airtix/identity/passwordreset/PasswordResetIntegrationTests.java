package io.airtix.identity.passwordreset;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.testing.keycloak.KeycloakEvents;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.mail.Mail;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;

@IdentityTest
class PasswordResetIntegrationTests {

  private static final String SENT =
      "You should receive an email shortly with further instructions.";

  private final KeycloakServer keycloak;

  PasswordResetIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void forgottenPasswordIsResetThroughALinkThatWorksOnceAndLivesFifteenMinutes(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    requestReset(browser, traveller.email());
    assertThat(browser.feedback()).isEqualTo(SENT);

    Mail mail = keycloak.mailServer().awaitMailTo(traveller.email());
    assertThat(mail.subject()).isEqualTo("Reset your Airtix password");
    URI link = mail.link("/login-actions/action-token");
    JsonNode key = actionToken(link);
    assertThat(key.path("exp").asLong() - key.path("iat").asLong())
        .isEqualTo(Duration.ofMinutes(15).toSeconds());

    browser.open(link);
    browser.screenshot("reset-password");
    assertAccessible(browser.page(), "reset password");
    String newPassword = TestUsers.randomPassword();
    choosePassword(browser, newPassword);
    browser.awaitTokens();
    keycloak.login(
        new TestUser(traveller.id(), traveller.username(), traveller.email(), newPassword));

    browser.open(link);
    assertThat(browser.isAtTheWebApp()).isFalse();
    assertThat(browser.text()).containsAnyOf("expired", "no longer valid");
  }

  /**
   * Whoever signed in with the old password (here a session opened before the reset) is signed out
   * by default: the page offers "Sign out from other devices" ticked, Keycloak ends that session,
   * and the services hear {@code session.ended} for it, so its tokens stop working (decision 0044).
   */
  @Test
  void resettingAPasswordSignsOutTheSessionsTheOldOneOpened(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    String oldSession =
        KeycloakServer.claims(keycloak.login(traveller).accessToken()).path("sid").asText();
    requestReset(browser, traveller.email());
    URI link =
        keycloak.mailServer().awaitMailTo(traveller.email()).link("/login-actions/action-token");

    try (KeycloakEvents events = KeycloakEvents.listen()) {
      browser.open(link);
      assertThat(browser.page().getByLabel("Sign out from other devices").isChecked()).isTrue();
      choosePassword(browser, TestUsers.randomPassword());
      browser.awaitTokens();

      JsonNode ended = events.await("session.ended", oldSession);
      assertThat(ended.path("payload").path("userId").asText()).isEqualTo(traveller.id());
    }
    assertThat(
            keycloak.airtixRealm().resource().users().get(traveller.id()).getUserSessions().stream()
                .map(UserSessionRepresentation::getId))
        .doesNotContain(oldSession);
  }

  @Test
  void unknownAddressGetsTheSameAnswerAndNoMail(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    String stranger = "nobody-" + traveller.email();

    requestReset(browser, stranger);
    String answerToStranger = browser.feedback();
    requestReset(browser, traveller.email());
    String answerToTraveller = browser.feedback();

    assertThat(answerToStranger).isEqualTo(answerToTraveller).isEqualTo(SENT);
    keycloak.mailServer().awaitMailTo(traveller.email());
    // the stranger's request came first: had it produced a mail, it would be there by now
    assertThat(keycloak.mailServer().mailsTo(stranger)).isEmpty();
  }

  @Test
  void expiredLinkIsRefused(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    URI link;
    // Keycloak writes the expiry into the link when it makes it: a short lifespan for this one link
    // only
    setLinkLifespan(Duration.ofSeconds(3));
    try {
      requestReset(browser, traveller.email());
      link =
          keycloak.mailServer().awaitMailTo(traveller.email()).link("/login-actions/action-token");
    } finally {
      setLinkLifespan(Duration.ofMinutes(15));
    }
    long expiry = actionToken(link).path("exp").asLong();
    Awaitility.await("the link expired")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Instant.now().getEpochSecond() > expiry + 1);

    browser.open(link);

    assertThat(browser.isAtTheWebApp()).isFalse();
    assertThat(browser.text()).containsAnyOf("expired", "no longer valid");
    assertThat(browser.page().getByLabel("New Password").count()).isZero();
  }

  private static void requestReset(WebBrowser browser, String address) {
    browser.startSignIn();
    browser
        .page()
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot Password?"))
        .click();
    assertThat(browser.text()).contains("Forgot your password?");
    browser.screenshot("forgot-password");
    browser.page().getByLabel("Username or email").fill(address);
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
        .click();
  }

  private static void choosePassword(WebBrowser browser, String password) {
    browser.page().getByLabel("New Password").fill(password);
    browser.page().getByLabel("Confirm password").fill(password);
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
        .click();
  }

  /**
   * The link's {@code key}: a signed JWT whose {@code exp} Keycloak checks when the link is opened.
   */
  private static JsonNode actionToken(URI link) {
    for (String parameter : link.getRawQuery().split("&")) {
      if (parameter.startsWith("key=")) {
        return KeycloakServer.claims(parameter.substring("key=".length()));
      }
    }
    throw new AssertionError("no key in " + link);
  }

  private void setLinkLifespan(Duration lifespan) {
    RealmRepresentation realm = new RealmRepresentation();
    realm.setActionTokenGeneratedByUserLifespan((int) lifespan.toSeconds());
    keycloak.airtixRealm().resource().update(realm);
  }
}
