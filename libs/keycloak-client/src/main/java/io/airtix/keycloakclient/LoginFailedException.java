package io.airtix.keycloakclient;

/** Keycloak refused a login or a token request; the message says what Keycloak answered. */
public class LoginFailedException extends RuntimeException {

  private final String error;

  LoginFailedException(String error, String message) {
    super(message);
    this.error = error;
  }

  /**
   * The machine-readable reason: the OAuth {@code error} code when Keycloak sent one ({@code
   * invalid_grant}, {@code unauthorized_client}, …), otherwise {@code login_page} for a message
   * shown on the login page.
   */
  public String error() {
    return error;
  }
}
