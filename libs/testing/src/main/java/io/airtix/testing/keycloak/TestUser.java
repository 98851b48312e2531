package io.airtix.testing.keycloak;

import io.airtix.keycloakclient.AuthenticatorApp;

/**
 * A person created in the test realm, with what a test needs to log them in.
 *
 * @param id Keycloak's user id, the tokens' {@code sub}
 * @param authenticator the person's authenticator app: set up at the first sign-in that asks for
 *     one (tenant and platform admins must use a second factor), and answering Keycloak's code
 *     prompt from then on
 */
public record TestUser(
    String id, String username, String email, String password, AuthenticatorApp authenticator) {

  /** A person with an authenticator app that has not been set up yet. */
  public TestUser(String id, String username, String email, String password) {
    this(id, username, email, password, new AuthenticatorApp());
  }
}
