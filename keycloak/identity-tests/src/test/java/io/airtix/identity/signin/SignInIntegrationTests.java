package io.airtix.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.LoginFailedException;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import org.junit.jupiter.api.Test;

@IdentityTest
class SignInIntegrationTests {

  private static final String REFUSAL = "Invalid username or password.";

  private final KeycloakServer keycloak;

  SignInIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void travellerSignsInOnTheAirtixPage(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());

    browser.startSignIn();
    assertThat(browser.page().title()).isEqualTo("Sign in to Airtix");
    assertThat(browser.text()).contains("Sign in to your Airtix account");
    assertThat(browser.page().locator(".airtix-wordmark").innerText())
        .isEqualToIgnoringCase("Airtix");
    browser.screenshot("sign-in");
    browser.submitCredentials(traveller.username(), traveller.password());

    Tokens tokens = browser.awaitTokens();
    assertThat(KeycloakServer.claims(tokens.accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());
  }

  @Test
  void travellerSignsInWithTheKeyboardAlone(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();

    // the username field has the focus on arrival, the password is one Tab away, Enter submits
    assertThat(focusedElementId(browser)).isEqualTo("username");
    browser.page().keyboard().type(traveller.username());
    browser.page().keyboard().press("Tab");
    assertThat(focusedElementId(browser)).isEqualTo("password");
    browser.page().keyboard().type(traveller.password());
    browser.page().keyboard().press("Enter");

    assertThat(KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());
  }

  @Test
  void travellerMayUseTheirEmailAddressInsteadOfTheUsername(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());

    Tokens tokens = browser.signIn(traveller.email(), traveller.password());

    assertThat(KeycloakServer.claims(tokens.accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());
  }

  @Test
  void wrongPasswordAndUnknownPersonGetTheSameAnswer(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());

    browser.startSignIn();
    browser.submitCredentials(traveller.username(), "Not-" + traveller.password());
    String wrongPassword = browser.feedback();
    browser.screenshot("sign-in-refused");
    browser.startSignIn();
    browser.submitCredentials("nobody-" + traveller.username(), "Not-" + traveller.password());
    String unknownPerson = browser.feedback();

    assertThat(wrongPassword).contains(REFUSAL);
    assertThat(unknownPerson).isEqualTo(wrongPassword);
    assertThat(browser.isAtTheWebApp()).isFalse();
  }

  @Test
  void signingOutEndsTheKeycloakSession(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    Tokens tokens = browser.signIn(traveller.username(), traveller.password());

    browser.signOut(tokens);

    assertThatThrownBy(() -> keycloak.refresh(tokens))
        .isInstanceOfSatisfying(
            LoginFailedException.class,
            refused -> assertThat(refused.error()).isEqualTo("invalid_grant"));
    // no single sign-on left: the next visit asks for the password again
    browser.startSignIn();
    assertThat(browser.isAtTheWebApp()).isFalse();
    assertThat(browser.text()).contains("Sign in to your Airtix account");
  }

  @Test
  void refreshTokenIsRotatedAndAReusedOneIsRefused(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    Tokens first = browser.signIn(traveller.username(), traveller.password());

    Tokens second = keycloak.refresh(first);

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThatThrownBy(() -> keycloak.refresh(first))
        .isInstanceOfSatisfying(
            LoginFailedException.class,
            refused -> assertThat(refused.error()).isEqualTo("invalid_grant"));
  }

  private static String focusedElementId(WebBrowser browser) {
    return (String) browser.page().evaluate("() => document.activeElement.id");
  }
}
