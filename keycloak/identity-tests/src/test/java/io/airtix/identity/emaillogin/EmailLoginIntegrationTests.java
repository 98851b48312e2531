package io.airtix.identity.emaillogin;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.LoginFailedException;
import io.airtix.keycloakclient.NewUser;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.mail.Mail;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

@IdentityTest
class EmailLoginIntegrationTests {

  private static final String LINK = "/login-actions/authenticate";
  private static final Pattern CODE = Pattern.compile("enter this code there: (\\d{6})");

  private final KeycloakServer keycloak;

  EmailLoginIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void linkSignsInOnceAndFailsTheSecondTime(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    browser.screenshot("sign-in-with-email-offer");
    askForMail(browser, traveller.email());
    browser.screenshot("email-sign-in-check-mail");

    Mail mail = keycloak.mailServer().awaitMailTo(traveller.email());
    assertThat(mail.subject()).isEqualTo("Your Airtix sign-in link and code");
    assertThat(mail.text()).contains("work once, for 10 minutes");
    URI link = mail.link(LINK);
    follow(browser, link);

    Tokens tokens = browser.awaitTokens();
    assertThat(KeycloakServer.claims(tokens.accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());

    browser.signOut(tokens);
    follow(browser, link);
    browser.page().waitForURL(url -> !url.startsWith(WebBrowser.APP));
    browser.screenshot("email-sign-in-link-used-again");
    assertAccessible(browser.page(), "email sign in link used again");
    assertThat(browser.isAtTheWebApp()).isFalse();
    // the sign-in it belonged to is over: Keycloak's own page says so
    assertThat(browser.text()).containsAnyOf("cookie not found", "expired", "timed out");
  }

  @Test
  void linkOpenedInAnotherBrowserDoesNotSignIn(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    askForMail(browser, traveller.email());
    URI link = keycloak.mailServer().awaitMailTo(traveller.email()).link(LINK);

    try (BrowserContext other = browser.page().context().browser().newContext()) {
      Page page = other.newPage();
      page.navigate(link.toString());
      assertThat(page.url()).doesNotStartWith(WebBrowser.APP);
    }
    // the browser that asked still signs in with the same mail
    follow(browser, link);
    assertThat(browser.awaitTokens().accessToken()).isNotBlank();
  }

  @Test
  void codeSignsInAfterAWrongCodeFails(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    askForMail(browser, traveller.email());
    String code = code(keycloak.mailServer().awaitMailTo(traveller.email()));

    enterCode(browser, otherThan(code));
    assertThat(browser.feedback())
        .isEqualTo("That code is not right. Check the e-mail and try again.");
    assertThat(browser.isAtTheWebApp()).isFalse();
    browser.screenshot("email-sign-in-wrong-code");
    assertAccessible(browser.page(), "email sign in wrong code");

    enterCode(browser, code);
    Tokens tokens = browser.awaitTokens();
    assertThat(KeycloakServer.claims(tokens.accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());
  }

  @Test
  void guessingIsStoppedAfterFiveWrongCodesEvenIfTheNextIsRight(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    askForMail(browser, traveller.email());
    String code = code(keycloak.mailServer().awaitMailTo(traveller.email()));

    for (int guess = 1; guess <= 5; guess++) {
      enterCode(browser, String.format("%06d", (Integer.parseInt(code) + guess) % 1_000_000));
    }
    assertThat(browser.feedback())
        .isEqualTo("Too many wrong codes: this code no longer works. Ask for a new one.");
    enterCode(browser, code);

    assertThat(browser.isAtTheWebApp()).isFalse();
    assertThat(browser.feedback())
        .isEqualTo("Too many wrong codes: this code no longer works. Ask for a new one.");
  }

  @Test
  void expiredCodeAndExpiredLinkFail(WebBrowser browser) throws InterruptedException {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    String configId = configure(Map.of("lifetime-seconds", "2"));
    Mail first;
    Mail second;
    try {
      browser.startSignIn();
      askForMail(browser, traveller.email());
      first = keycloak.mailServer().awaitMailTo(traveller.email());
      assertThat(first.text()).contains("work once, for 2 seconds");
      Thread.sleep(Duration.ofSeconds(3).toMillis());
      enterCode(browser, code(first));
      assertThat(browser.feedback()).isEqualTo("This code or link has expired. Ask for a new one.");
      assertThat(browser.isAtTheWebApp()).isFalse();

      // the expired code sent the person back to the address page, with the address filled in
      browser
          .page()
          .getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link and a code"))
          .click();
      second = keycloak.mailServer().awaitMailsTo(traveller.email(), 2).get(1);
      Thread.sleep(Duration.ofSeconds(3).toMillis());
      browser.open(second.link(LINK));
      assertThat(browser.isAtTheWebApp()).isFalse();
      assertThat(browser.feedback()).isEqualTo("This code or link has expired. Ask for a new one.");
    } finally {
      flows().removeAuthenticatorConfig(configId);
    }
  }

  @Test
  void unknownAddressGetsTheSamePageAndAnAccountOnlyOnceTheCodeCameBack(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    String newcomer = "new-" + traveller.email();

    browser.startSignIn();
    askForMail(browser, traveller.email());
    String answerToTraveller = browser.text().replace(traveller.email(), "ADDRESS");
    browser.startSignIn();
    askForMail(browser, newcomer);
    String answerToNewcomer = browser.text().replace(newcomer, "ADDRESS");
    assertThat(answerToNewcomer).isEqualTo(answerToTraveller);

    Mail invitation = keycloak.mailServer().awaitMailTo(newcomer);
    assertThat(invitation.text()).contains("has no Airtix account yet");
    assertThat(keycloak.airtixRealm().resource().users().searchByEmail(newcomer, true)).isEmpty();

    enterCode(browser, code(invitation));
    // the realm's user profile asks for a name before the first sign-in completes, as for any
    // account without one
    browser.page().getByLabel("First name").waitFor();
    browser.screenshot("email-sign-in-new-account-profile");
    assertAccessible(browser.page(), "email sign in new account profile");
    browser.page().getByLabel("First name").fill("Nova");
    browser.page().getByLabel("Last name").fill("Newcomer");
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
        .click();
    JsonNode claims = KeycloakServer.claims(browser.awaitTokens().accessToken());

    assertThat(claims.path("email").asText()).isEqualTo(newcomer);
    assertThat(claims.path("email_verified").asBoolean()).isTrue();
    assertThat(claims.path("realm_access").path("roles").toString()).contains("\"customer\"");
    List<UserRepresentation> accounts =
        keycloak.airtixRealm().resource().users().searchByEmail(newcomer, true);
    assertThat(accounts).hasSize(1);
    assertThat(keycloak.airtixRealm().resource().users().get(accounts.get(0).getId()).credentials())
        .isEmpty();
  }

  @Test
  void mailsToOneAddressAreLimitedToThreeAWindow(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    askForMail(browser, traveller.email());
    for (int again = 2; again <= 3; again++) {
      startOver(browser);
      sendTo(browser, traveller.email());
      assertThat(browser.text()).contains("Check your e-mail");
    }
    startOver(browser);
    sendTo(browser, traveller.email());

    assertThat(browser.feedback())
        .isEqualTo(
            "Too many sign-in e-mails were sent to this address. Wait a few minutes, then try again.");
    browser.screenshot("email-sign-in-too-many-mails");
    assertAccessible(browser.page(), "email sign in too many mails");
    assertThat(keycloak.mailServer().awaitMailsTo(traveller.email(), 3)).hasSize(3);
  }

  @Test
  void disabledAccountDoesNotGetIn(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    askForMail(browser, traveller.email());
    String code = code(keycloak.mailServer().awaitMailTo(traveller.email()));
    UserRepresentation disabled =
        keycloak.airtixRealm().resource().users().get(traveller.id()).toRepresentation();
    disabled.setEnabled(false);
    keycloak.airtixRealm().resource().users().get(traveller.id()).update(disabled);

    enterCode(browser, code);

    assertThat(browser.isAtTheWebApp()).isFalse();
    assertThat(browser.feedback())
        .isEqualTo("You cannot sign in with this address. Contact Airtix support.");
  }

  @Test
  void accountLockedByWrongPasswordsDoesNotGetIn(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    browser.startSignIn();
    for (int failure = 1; failure <= 5; failure++) {
      browser.submitCredentials(traveller.username(), "Not-" + traveller.password());
    }
    assertThat(
            keycloak
                .airtixRealm()
                .resource()
                .attackDetection()
                .bruteForceUserStatus(traveller.id()))
        .containsEntry("disabled", true);

    askForMail(browser, traveller.email());
    enterCode(browser, code(keycloak.mailServer().awaitMailTo(traveller.email())));

    assertThat(browser.isAtTheWebApp()).isFalse();
    assertThat(browser.feedback())
        .isEqualTo("You cannot sign in with this address. Contact Airtix support.");
  }

  @Test
  void passwordStillSignsIn(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());

    Tokens tokens = browser.signIn(traveller.username(), traveller.password());

    assertThat(KeycloakServer.claims(tokens.accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());
  }

  @Test
  void tenantAdminSigningInByEmailCodeIsAskedForTheCodeOfTheirAuthenticatorApp(WebBrowser browser) {
    TestUser admin = keycloak.createUser(TestUsers.member("aerolux", "tenant-admin"));
    // the first sign-in sets the app up
    keycloak.login(admin);
    browser.startSignIn();
    askForMail(browser, admin.email());

    enterCode(browser, code(keycloak.mailServer().awaitMailTo(admin.email())));

    browser.page().locator("#otp").waitFor();
    assertThat(browser.isAtTheWebApp()).as("no way in without the app's code").isFalse();
    browser.screenshot("email-sign-in-admin-otp");
    browser.page().locator("#otp").fill(admin.authenticator().nextCode());
    browser.page().locator("#kc-login").click();
    assertThat(KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText())
        .isEqualTo(admin.id());
  }

  @Test
  void platformAdminWithoutASecondFactorSigningInByEmailLinkMustSetOneUp(WebBrowser browser) {
    TestUser admin = keycloak.createUser(TestUsers.platformAdmin());
    browser.startSignIn();
    askForMail(browser, admin.email());

    follow(browser, keycloak.mailServer().awaitMailTo(admin.email()).link(LINK));

    browser.page().locator("#kc-totp-settings-form").waitFor();
    assertThat(browser.page().locator("#cancelTOTPBtn").count())
        .as("no way to skip the set-up")
        .isZero();
    assertThat(browser.isAtTheWebApp()).isFalse();
  }

  @Test
  void provingAnUnverifiedAddressRemovesTheCredentialsAndEndsTheSessionsMadeBeforeTheProof(
      WebBrowser browser) {
    // someone made an account with another person's address and a password of their own, and is
    // signed in: an account whose address nobody proved (made by an administrator or a service,
    // imported, or from a time the realm asked no proof)
    TestUser squatter = keycloak.createUser(TestUsers.customer());
    Tokens squattersSession = keycloak.login(squatter);
    UserResource account = keycloak.airtixRealm().resource().users().get(squatter.id());
    UserRepresentation unproven = account.toRepresentation();
    unproven.setEmailVerified(false);
    account.update(unproven);

    // the address's owner signs in with the code mailed to it
    browser.startSignIn();
    askForMail(browser, squatter.email());
    enterCode(browser, code(keycloak.mailServer().awaitMailTo(squatter.email())));
    Tokens ownersSession = browser.awaitTokens();

    assertThat(KeycloakServer.claims(ownersSession.accessToken()).path("sub").asText())
        .isEqualTo(squatter.id());
    assertThat(account.toRepresentation().isEmailVerified()).isTrue();
    assertThat(account.credentials()).isEmpty();
    assertThatThrownBy(() -> keycloak.refresh(squattersSession))
        .isInstanceOf(LoginFailedException.class);
    assertThatThrownBy(() -> keycloak.login(squatter)).isInstanceOf(LoginFailedException.class);
    assertThat(account.getUserSessions()).hasSize(1);
    assertThat(keycloak.refresh(ownersSession).accessToken()).isNotBlank();
  }

  @Test
  void registrantWhoVerifiedThroughTheRegistrationMailKeepsTheirPassword(WebBrowser browser) {
    NewUser jane = TestUsers.customer();
    browser.startSignIn();
    browser
        .page()
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register"))
        .click();
    browser.page().getByLabel("Username").fill(jane.username());
    browser.page().getByLabel("Email").fill(jane.email());
    browser.page().getByLabel("First name").fill(jane.firstName());
    browser.page().getByLabel("Last name").fill(jane.lastName());
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register"))
        .click();
    browser.open(
        keycloak.mailServer().awaitMailTo(jane.email()).link("/login-actions/action-token"));
    browser.page().getByLabel("New Password").fill(jane.password());
    browser.page().getByLabel("Confirm password").fill(jane.password());
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
        .click();
    String id = KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText();
    TestUser registrant = new TestUser(id, jane.username(), jane.email(), jane.password());

    // the address is proven already: signing in by e-mail takes nothing away
    browser.page().context().clearCookies();
    browser.startSignIn();
    askForMail(browser, jane.email());
    enterCode(
        browser,
        code(
            keycloak
                .mailServer()
                .awaitMailTo(jane.email(), Mail.withSubjectContaining("sign-in link"))));
    assertThat(KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText())
        .isEqualTo(id);

    assertThat(keycloak.login(registrant).accessToken()).isNotBlank();
  }

  private static void askForMail(WebBrowser browser, String address) {
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a sign-in link"))
        .click();
    assertThat(browser.text()).contains("Sign in with your e-mail address");
    browser.screenshot("email-sign-in-address");
    sendTo(browser, address);
  }

  /**
   * Opens the mailed link as a click in the page does. A link that signs in answers with a redirect
   * to the web app, which Chromium does not hand to Playwright's routing when it ends a navigation
   * Playwright started.
   */
  private static void follow(WebBrowser browser, URI link) {
    browser.page().evaluate("url => window.location.assign(url)", link.toString());
  }

  private static void sendTo(WebBrowser browser, String address) {
    browser.page().getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(address);
    browser
        .page()
        .getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link and a code"))
        .click();
  }

  private static void startOver(WebBrowser browser) {
    browser
        .page()
        .getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Use another address or get a new code"))
        .click();
  }

  private static void enterCode(WebBrowser browser, String code) {
    browser.page().getByLabel("Code from the e-mail").fill(code);
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
  }

  private static String code(Mail mail) {
    Matcher matcher = CODE.matcher(mail.text());
    if (!matcher.find()) {
      throw new AssertionError("no code in the mail to " + mail.to() + ": " + mail.text());
    }
    return matcher.group(1);
  }

  private static String otherThan(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  private AuthenticationManagementResource flows() {
    return keycloak.airtixRealm().resource().flows();
  }

  /** Attaches a config to the realm's e-mail sign-in execution; the caller removes it again. */
  private String configure(Map<String, String> settings) {
    AuthenticationExecutionInfoRepresentation execution =
        flows().getExecutions("airtix first factor").stream()
            .filter(candidate -> "airtix-email-login".equals(candidate.getProviderId()))
            .findFirst()
            .orElseThrow();
    AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
    config.setAlias("email-sign-in-test-" + System.nanoTime());
    config.setConfig(settings);
    try (Response response = flows().newExecutionConfig(execution.getId(), config)) {
      assertThat(response.getStatus()).isEqualTo(201);
      return CreatedResponseUtil.getCreatedId(response);
    }
  }
}
