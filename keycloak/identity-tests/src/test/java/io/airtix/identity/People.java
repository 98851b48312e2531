package io.airtix.identity;

import io.airtix.keycloakclient.NewUser;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * People the shared fixture does not make: accounts in states a person's own actions lead to (an
 * address not yet verified, a pending required action). Ready-to-use people come from {@link
 * TestUsers} and {@link KeycloakServer#createUser}.
 */
public final class People {

  private People() {}

  /** A traveller with a password whose address was never verified. */
  public static TestUser withUnverifiedAddress(KeycloakServer keycloak) {
    return create(keycloak, false, List.of());
  }

  /**
   * A verified traveller whom Keycloak asks to act at the next sign-in, e.g. {@code
   * UPDATE_PASSWORD}.
   */
  public static TestUser withRequiredActions(KeycloakServer keycloak, String... actions) {
    return create(keycloak, true, List.of(actions));
  }

  private static TestUser create(
      KeycloakServer keycloak, boolean emailVerified, List<String> requiredActions) {
    NewUser person = TestUsers.customer();
    UserRepresentation user = new UserRepresentation();
    user.setUsername(person.username());
    user.setEmail(person.email());
    user.setFirstName(person.firstName());
    user.setLastName(person.lastName());
    user.setEnabled(true);
    user.setEmailVerified(emailVerified);
    user.setRequiredActions(requiredActions);
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue(person.password());
    password.setTemporary(false);
    user.setCredentials(List.of(password));
    try (Response response = keycloak.airtixRealm().resource().users().create(user)) {
      if (response.getStatus() != 201) {
        throw new IllegalStateException(
            "Keycloak refused "
                + person.username()
                + ": "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
      }
      return new TestUser(
          CreatedResponseUtil.getCreatedId(response),
          person.username(),
          person.email(),
          person.password());
    }
  }
}
