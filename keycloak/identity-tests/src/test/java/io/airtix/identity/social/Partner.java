package io.airtix.identity.social;

import io.airtix.keycloakclient.NewUser;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A second realm in the same Keycloak acting as an external OpenID Connect provider, with people of
 * its own: what Google or a partner is to Airtix. Airtix knows it as the identity provider {@code
 * oidc}, named "Partner", set up by the extension's social sign-in from the options Keycloak was
 * started with: those {@link #socialSignInOptions(URI)} makes up for a Keycloak of the tests' own,
 * or those a standalone Airtix found in its environment ({@link #socialSignInOptionsIn(Map)}).
 */
final class Partner {

  static final String REALM = "partner";
  static final String ALIAS = "oidc";
  static final String DISPLAY_NAME = "Partner";
  static final String CLIENT_ID = "airtix";

  private static final String OPTION = "KC_SPI_SOCIAL_SIGN_IN__AIRTIX__";
  private static final String CLIENT_SECRET_OPTION = OPTION + "OIDC_CLIENT_SECRET";

  private final KeycloakServer keycloak;
  private final Map<String, String> options;

  private Partner(KeycloakServer keycloak, Map<String, String> options) {
    this.keycloak = keycloak;
    this.options = options;
  }

  /**
   * Every provider turned on, the partner realm as the OpenID Connect one; its addresses count as
   * verified. The secrets are stand-ins for the credentials an operator gets from Google, Facebook
   * and X: never used against them.
   */
  static Map<String, String> socialSignInOptions(URI keycloak) {
    String issuer = keycloak + "/realms/" + REALM;
    String endpoints = issuer + "/protocol/openid-connect";
    return Map.ofEntries(
        Map.entry(OPTION + "GOOGLE_CLIENT_ID", "airtix-google"),
        Map.entry(OPTION + "GOOGLE_CLIENT_SECRET", TestUsers.randomPassword()),
        Map.entry(OPTION + "FACEBOOK_CLIENT_ID", "airtix-facebook"),
        Map.entry(OPTION + "FACEBOOK_CLIENT_SECRET", TestUsers.randomPassword()),
        Map.entry(OPTION + "X_CLIENT_ID", "airtix-x"),
        Map.entry(OPTION + "X_CLIENT_SECRET", TestUsers.randomPassword()),
        Map.entry(OPTION + "OIDC_CLIENT_ID", CLIENT_ID),
        Map.entry(CLIENT_SECRET_OPTION, TestUsers.randomPassword()),
        Map.entry(OPTION + "OIDC_DISPLAY_NAME", DISPLAY_NAME),
        Map.entry(OPTION + "OIDC_TRUST_EMAIL", "true"),
        Map.entry(OPTION + "OIDC_ISSUER", issuer),
        Map.entry(OPTION + "OIDC_AUTHORIZATION_URL", endpoints + "/auth"),
        Map.entry(OPTION + "OIDC_TOKEN_URL", endpoints + "/token"),
        Map.entry(OPTION + "OIDC_JWKS_URL", endpoints + "/certs"),
        Map.entry(OPTION + "OIDC_USERINFO_URL", endpoints + "/userinfo"),
        Map.entry(OPTION + "OIDC_LOGOUT_URL", endpoints + "/logout"));
  }

  /**
   * The social sign-in options among the variables of an environment, e.g. {@link System#getenv()}.
   */
  static Map<String, String> socialSignInOptionsIn(Map<String, String> environment) {
    return environment.entrySet().stream()
        .filter(variable -> variable.getKey().startsWith(OPTION))
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * Creates the partner realm with Airtix as its confidential client, in the Keycloak started with
   * these social sign-in options.
   */
  static Partner create(KeycloakServer keycloak, Map<String, String> options) {
    if (!options.containsKey(CLIENT_SECRET_OPTION)) {
      throw new IllegalArgumentException(
          "Keycloak has no partner without the option " + CLIENT_SECRET_OPTION);
    }
    RealmRepresentation realm = new RealmRepresentation();
    realm.setRealm(REALM);
    realm.setEnabled(true);
    ClientRepresentation airtix = new ClientRepresentation();
    airtix.setClientId(CLIENT_ID);
    airtix.setPublicClient(false);
    airtix.setSecret(options.get(CLIENT_SECRET_OPTION));
    airtix.setStandardFlowEnabled(true);
    airtix.setDirectAccessGrantsEnabled(false);
    airtix.setRedirectUris(List.of(keycloak.issuer() + "/broker/" + ALIAS + "/endpoint"));
    realm.setClients(List.of(airtix));
    keycloak.admin().realms().create(realm);
    return new Partner(keycloak, options);
  }

  KeycloakServer keycloak() {
    return keycloak;
  }

  /** The client secrets Keycloak was given for every provider: stored, never to be shown. */
  List<String> secrets() {
    return options.entrySet().stream()
        .filter(option -> option.getKey().endsWith("_SECRET"))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** A person with an account at the partner, address verified there. */
  NewUser createPerson(String email) {
    NewUser person = TestUsers.customer();
    UserRepresentation user = new UserRepresentation();
    user.setUsername(person.username());
    user.setEmail(email);
    user.setFirstName(person.firstName());
    user.setLastName(person.lastName());
    user.setEnabled(true);
    user.setEmailVerified(true);
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue(person.password());
    password.setTemporary(false);
    user.setCredentials(List.of(password));
    try (Response response = realm().users().create(user)) {
      if (response.getStatus() != 201) {
        throw new IllegalStateException(
            "the partner refused " + person.username() + ": " + response.getStatus());
      }
    }
    return new NewUser(
        person.username(),
        email,
        person.firstName(),
        person.lastName(),
        person.password(),
        person.realmRoles(),
        person.airlineRoles());
  }

  /**
   * The person's Airtix account, linked to their account at the partner as if they had linked it in
   * the account console: from now on signing in at the partner signs them in to that account.
   */
  NewUser linkedTo(KeycloakServer airtix, String airtixUserId, String email) {
    NewUser person = createPerson(email);
    FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
    link.setIdentityProvider(ALIAS);
    // the partner's subject, the id Keycloak's broker knows the person by
    link.setUserId(realm().users().searchByUsername(person.username(), true).get(0).getId());
    link.setUserName(person.username());
    try (Response response =
        airtix
            .airtixRealm()
            .resource()
            .users()
            .get(airtixUserId)
            .addFederatedIdentity(ALIAS, link)) {
      if (response.getStatus() != 204) {
        throw new IllegalStateException("the link was refused: " + response.getStatus());
      }
    }
    return person;
  }

  /** A person with an account at the partner under a new address. */
  NewUser createPerson() {
    return createPerson(TestUsers.customer().email());
  }

  private RealmResource realm() {
    return keycloak.admin().realm(REALM);
  }
}
