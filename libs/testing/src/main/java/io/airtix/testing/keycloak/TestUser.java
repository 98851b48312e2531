package io.airtix.testing.keycloak;

/**
 * A person created in the test realm, with what a test needs to log them in.
 *
 * @param id Keycloak's user id, the tokens' {@code sub}
 */
public record TestUser(String id, String username, String email, String password) {
}
