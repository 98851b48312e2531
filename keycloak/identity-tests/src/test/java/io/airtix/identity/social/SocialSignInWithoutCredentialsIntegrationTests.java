package io.airtix.identity.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.identity.browser.IdentityTest;
import io.airtix.identity.browser.WebBrowser;
import io.airtix.testing.keycloak.KeycloakServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fixture's shared Keycloak is started without any social sign-in option: the realm offers
 * none. The standalone launcher's run gives its Airtix the options; the launcher's own tests prove
 * it offers none without them.
 */
@Tag("fixture-only")
@IdentityTest
class SocialSignInWithoutCredentialsIntegrationTests {

  @Test
  void noProviderExistsOrIsOfferedWithoutCredentials(KeycloakServer keycloak, WebBrowser browser) {
    assertThat(keycloak.airtixRealm().resource().identityProviders().findAll()).isEmpty();

    browser.startSignIn();
    assertThat(browser.page().locator("[id^=social-]").count()).isZero();
  }
}
