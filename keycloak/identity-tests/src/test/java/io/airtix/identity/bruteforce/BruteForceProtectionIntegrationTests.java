package io.airtix.identity.bruteforce;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;

@IdentityTest
class BruteForceProtectionIntegrationTests {

  private final KeycloakServer keycloak;

  BruteForceProtectionIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void accountLocksAfterFiveFailuresAndTheRightPasswordThenGetsTheSameAnswerAsAWrongOne(
      WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    browser.submitCredentials(traveller.username(), "Not-" + traveller.password());
    String wrongPassword = browser.feedback();
    for (int failure = 2; failure <= 5; failure++) {
      browser.submitCredentials(traveller.username(), "Not-" + traveller.password());
    }

    browser.submitCredentials(traveller.username(), traveller.password());

    assertThat(browser.isAtTheWebApp()).isFalse();
    assertThat(browser.feedback())
        .isEqualTo(wrongPassword)
        .contains("Invalid username or password.");
    browser.screenshot("locked");
    assertAccessible(browser.page(), "locked");
    Map<String, Object> status =
        keycloak.airtixRealm().resource().attackDetection().bruteForceUserStatus(traveller.id());
    assertThat(status).containsEntry("disabled", true);
  }
}
