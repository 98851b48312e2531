package io.airtix.launcher.keycloak;

import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.keycloakclient.Tokens;
import java.net.URI;

/**
 * A person's login to Airtix's web client, the way the web apps log people in (authorization code
 * with PKCE through Keycloak's login form), so the tokens are exactly the ones the services see
 * from browsers.
 */
public record WebLogin(URI keycloakBaseUrl, String realm) {

  static final String CLIENT_ID = "airtix-web";

  /**
   * One of the client's redirect URIs; the login reads the code from the redirect and never calls
   * it.
   */
  static final URI REDIRECT_URI = URI.create("http://localhost:8080/callback");

  /** The login to the Keycloak the standalone launcher runs. */
  public static WebLogin standalone() {
    return new WebLogin(KeycloakServer.BASE_URL, KeycloakServer.REALM);
  }

  /**
   * Logs the person in, answering Keycloak's second-factor prompt (or its set-up, for an admin
   * without one) with their authenticator app; throws {@link
   * io.airtix.keycloakclient.LoginFailedException} when Keycloak refuses.
   */
  public Tokens login(String username, String password, AuthenticatorApp authenticator) {
    return BrowserlessLogin.login(
        keycloakBaseUrl, realm, CLIENT_ID, REDIRECT_URI, username, password, authenticator);
  }

  /** The realm's OpenID discovery document: it answers once Keycloak is up and the realm exists. */
  public URI discoveryUrl() {
    return URI.create(
        keycloakBaseUrl.toString().replaceAll("/+$", "")
            + "/realms/"
            + realm
            + "/.well-known/openid-configuration");
  }
}
