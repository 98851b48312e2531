package io.airtix.identity.social;

import static io.airtix.testing.browser.Accessibility.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.airtix.identity.browser.BrowserExtension;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.NewUser;
import io.airtix.testing.keycloak.KeycloakEvents;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.mail.Mail;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Social sign-in end to end, against a Keycloak started with Google, Facebook, X and an OpenID
 * Connect provider turned on through the extension's options; the OpenID Connect one is a second
 * realm of the same Keycloak ({@link Partner}), so the whole brokering flow really runs. In the
 * fixture's setup that Keycloak is one of the class's own; in the standalone launcher's, the
 * standalone Airtix started with the options ({@link SocialSignInKeycloak}).
 */
@ExtendWith({SocialSignInKeycloak.class, BrowserExtension.class})
class SocialSignInIntegrationTests {

  private static KeycloakEvents events;

  private final KeycloakServer keycloak;
  private final Partner partner;

  SocialSignInIntegrationTests(KeycloakServer keycloak, Partner partner) {
    this.keycloak = keycloak;
    this.partner = partner;
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
  void everyProviderWithCredentialsIsEnabledAndOfferedWithoutItsSecret(WebBrowser browser) {
    List<IdentityProviderRepresentation> providers =
        keycloak.airtixRealm().resource().identityProviders().findAll();
    assertThat(providers)
        .extracting(
            provider ->
                provider.getAlias()
                    + ":"
                    + provider.getProviderId()
                    + ":"
                    + provider.isEnabled()
                    + ":"
                    + provider.isTrustEmail())
        .containsExactlyInAnyOrder(
            "google:google:true:true",
            "facebook:facebook:true:false",
            "x:oauth2:true:false",
            "oidc:oidc:true:true");
    // stored, but not shown even to administrators
    assertThat(providers)
        .extracting(provider -> provider.getConfig().get("clientSecret"))
        .doesNotContainAnyElementsOf(partner.secrets())
        .doesNotContainNull();
    assertThat(partner.secrets()).hasSize(4);

    browser.startSignIn();
    for (String name : List.of("Google", "Facebook", "X", Partner.DISPLAY_NAME)) {
      assertThat(
              browser
                  .page()
                  .getByRole(
                      AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                  .isVisible())
          .as(name)
          .isTrue();
    }
    String page = browser.page().content();
    assertThat(page).doesNotContain(partner.secrets());
    browser.screenshot("social-sign-in");
  }

  @Test
  void everyProviderAsksTheSecondFactorAfterItsSignIn() {
    assertThat(keycloak.airtixRealm().resource().identityProviders().findAll())
        .hasSize(4)
        .allSatisfy(
            provider ->
                assertThat(provider.getPostBrokerLoginFlowAlias())
                    .as(provider.getAlias())
                    .isEqualTo("airtix after identity provider"));
  }

  @Test
  void tenantAdminThroughThePartnerIsAskedForTheCodeOfTheirAuthenticatorApp(WebBrowser browser) {
    TestUser admin = keycloak.createUser(TestUsers.member("aerolux", "tenant-admin"));
    // the first sign-in sets the app up
    keycloak.login(admin);
    NewUser adminAtPartner = partner.linkedTo(keycloak, admin.id(), admin.email());

    browser.startSignIn();
    signInAtThePartner(browser, adminAtPartner);

    browser.page().locator("#otp").waitFor();
    assertThat(browser.isAtTheWebApp()).as("no way in without the code").isFalse();
    browser.screenshot("social-admin-otp");
    browser.page().locator("#otp").fill(admin.authenticator().nextCode());
    browser.page().locator("#kc-login").click();
    assertThat(KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText())
        .isEqualTo(admin.id());
  }

  @Test
  void platformAdminWithoutASecondFactorThroughThePartnerMustSetUpAnAuthenticatorApp(
      WebBrowser browser) {
    TestUser admin = keycloak.createUser(TestUsers.platformAdmin());
    NewUser adminAtPartner = partner.linkedTo(keycloak, admin.id(), admin.email());

    browser.startSignIn();
    signInAtThePartner(browser, adminAtPartner);

    browser.page().locator("#kc-totp-settings-form").waitFor();
    assertThat(browser.page().locator("#cancelTOTPBtn").count())
        .as("no way to skip the set-up")
        .isZero();
    assertThat(browser.isAtTheWebApp()).isFalse();
  }

  @Test
  void travellerThroughThePartnerIsAskedForNoSecondFactor(WebBrowser browser) {
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    NewUser travellerAtPartner = partner.linkedTo(keycloak, traveller.id(), traveller.email());

    browser.startSignIn();
    signInAtThePartner(browser, travellerAtPartner);

    assertThat(KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText())
        .isEqualTo(traveller.id());
  }

  @Test
  void newPersonSignsUpWithAPartnerAccountAndLandsSignedInAsCustomer(WebBrowser browser) {
    NewUser ada = partner.createPerson();

    browser.startSignIn();
    signInAtThePartner(browser, ada);

    JsonNode claims = KeycloakServer.claims(browser.awaitTokens().accessToken());
    assertThat(claims.path("email").asText()).isEqualTo(ada.email());
    assertThat(claims.path("email_verified").asBoolean()).isTrue();
    assertThat(claims.path("realm_access").path("roles").toString()).contains("\"customer\"");
    String userId = claims.path("sub").asText();
    assertThat(links(userId))
        .extracting(FederatedIdentityRepresentation::getUserName)
        .containsExactly(ada.username());
    assertThat(events.await("user.created", userId).path("payload").path("email").asText())
        .isEqualTo(ada.email());
  }

  @Test
  void partnerAccountWithTheAddressOfAnAirtixAccountIsLinkedOnlyAfterConfirmationAndProof(
      WebBrowser browser) {
    TestUser grace = keycloak.createUser(TestUsers.customer());
    NewUser graceAtPartner = partner.createPerson(grace.email());

    browser.startSignIn();
    signInAtThePartner(browser, graceAtPartner);

    assertThat(browser.text()).contains("already exists");
    browser.screenshot("social-confirm-link");
    assertAccessible(browser.page(), "social confirm link");
    assertThat(links(grace.id())).isEmpty();
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to existing account"))
        .click();

    // the existing account proves itself: a link mailed to its own address (or its password: "Try
    // Another Way")
    assertThat(browser.text())
        .contains("You need to verify your email address to link your account with Partner.");
    browser.screenshot("social-verify-existing-account");
    assertAccessible(browser.page(), "social verify existing account");
    assertThat(links(grace.id())).isEmpty();
    Mail proof = keycloak.mailServer().awaitMailTo(grace.email());
    followToTheWebApp(browser, proof.link("/login-actions/action-token"));

    String signedIn =
        KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText();
    assertThat(signedIn).isEqualTo(grace.id());
    assertThat(links(grace.id()))
        .extracting(FederatedIdentityRepresentation::getUserName)
        .containsExactly(graceAtPartner.username());
  }

  @Test
  void existingAccountMayProveItselfWithItsPasswordInstead(WebBrowser browser) {
    TestUser linus = keycloak.createUser(TestUsers.customer());
    NewUser linusAtPartner = partner.createPerson(linus.email());

    browser.startSignIn();
    signInAtThePartner(browser, linusAtPartner);
    browser
        .page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to existing account"))
        .click();
    browser.page().getByText("Try Another Way").click();
    Locator withPassword =
        browser.page().getByText(Pattern.compile("password", Pattern.CASE_INSENSITIVE)).first();
    withPassword.waitFor();
    browser.screenshot("social-prove-existing-account");
    assertAccessible(browser.page(), "social prove existing account");
    withPassword.click();
    assertThat(links(linus.id())).isEmpty();
    browser.submitCredentials(linus.username(), linus.password());

    assertThat(KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText())
        .isEqualTo(linus.id());
    assertThat(links(linus.id()))
        .extracting(FederatedIdentityRepresentation::getIdentityProvider)
        .containsExactly(Partner.ALIAS);
  }

  @Test
  void personLinksAndUnlinksAPartnerAccountInTheAccountConsole(WebBrowser browser) {
    TestUser alan = keycloak.createUser(TestUsers.customer());
    NewUser alanAtPartner = partner.createPerson();

    browser.page().navigate(keycloak.issuer() + "/account/account-security/linked-accounts");
    browser.submitCredentials(alan.username(), alan.password());
    Page page = browser.page();
    // the console names each row's buttons after the provider's alias: <alias>-idp-link,
    // <alias>-idp-unlink
    Locator link = page.locator("#" + Partner.ALIAS + "-idp-link");
    Locator unlink = page.locator("#" + Partner.ALIAS + "-idp-unlink");
    link.waitFor();
    assertThat(link.innerText()).contains("Link account");
    browser.screenshot("social-linked-accounts");
    assertAccessible(browser.page(), "social linked accounts");
    link.click();
    assertThat(browser.text()).contains("Do you want to link your account with Partner?");
    browser.screenshot("social-link-confirm");
    assertAccessible(browser.page(), "social link confirm");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
    browser.submitCredentials(alanAtPartner.username(), alanAtPartner.password());

    unlink.waitFor();
    assertThat(links(alan.id()))
        .extracting(FederatedIdentityRepresentation::getUserName)
        .containsExactly(alanAtPartner.username());
    browser.screenshot("social-linked");

    unlink.click();
    link.waitFor();
    assertThat(links(alan.id())).isEmpty();

    // unlinked, the partner account is someone else to Airtix: signing in with it makes a new
    // account
    browser.page().context().clearCookies();
    browser.startSignIn();
    signInAtThePartner(browser, alanAtPartner);
    String signedIn =
        KeycloakServer.claims(browser.awaitTokens().accessToken()).path("sub").asText();
    assertThat(signedIn).isNotEqualTo(alan.id());
    assertThat(account(signedIn).getEmail()).isEqualTo(alanAtPartner.email());
  }

  private static void signInAtThePartner(WebBrowser browser, NewUser person) {
    browser
        .page()
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Partner.DISPLAY_NAME))
        .click();
    browser.submitCredentials(person.username(), person.password());
  }

  /**
   * Opens a link that Keycloak answers with a redirect to the web app. Chromium does not hand such
   * a redirect of a top-level navigation to Playwright's routing (see {@code WebBrowser#signOut}),
   * so the link is followed from the page, as a click would, and only the address the browser ends
   * at counts.
   */
  private static void followToTheWebApp(WebBrowser browser, URI link) {
    browser.page().evaluate("url => window.location.assign(url)", link.toString());
  }

  private List<FederatedIdentityRepresentation> links(String userId) {
    return keycloak.airtixRealm().resource().users().get(userId).getFederatedIdentity();
  }

  private UserRepresentation account(String userId) {
    return keycloak.airtixRealm().resource().users().get(userId).toRepresentation();
  }
}
