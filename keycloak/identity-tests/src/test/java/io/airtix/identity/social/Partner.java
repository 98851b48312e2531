package io.airtix.identity.social;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.airtix.keycloakclient.NewUser;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;

/**
 * A second realm in the same Keycloak acting as an external OpenID Connect provider, with people of its own: what
 * Google or a partner is to Airtix. Airtix knows it as the identity provider {@code oidc}, named "Partner", set up by
 * the extension's social sign-in from the options {@link #socialSignInOptions(URI)} gives Keycloak.
 */
final class Partner {

  static final String REALM = "partner";
  static final String ALIAS = "oidc";
  static final String DISPLAY_NAME = "Partner";
  static final String CLIENT_ID = "airtix";
  /** Stand-ins for the credentials an operator gets from Google, Facebook and X: never used against them. */
  static final String GOOGLE_SECRET = TestUsers.randomPassword();
  static final String FACEBOOK_SECRET = TestUsers.randomPassword();
  static final String X_SECRET = TestUsers.randomPassword();
  static final String CLIENT_SECRET = TestUsers.randomPassword();

  private static final String OPTION = "KC_SPI_SOCIAL_SIGN_IN__AIRTIX__";

  private final KeycloakServer keycloak;

  private Partner(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  /** Every provider turned on, the partner realm as the OpenID Connect one; its addresses count as verified. */
  static Map<String, String> socialSignInOptions(URI keycloak) {
    String issuer = keycloak + "/realms/" + REALM;
    String endpoints = issuer + "/protocol/openid-connect";
    return Map.ofEntries(
        Map.entry(OPTION + "GOOGLE_CLIENT_ID", "airtix-google"),
        Map.entry(OPTION + "GOOGLE_CLIENT_SECRET", GOOGLE_SECRET),
        Map.entry(OPTION + "FACEBOOK_CLIENT_ID", "airtix-facebook"),
        Map.entry(OPTION + "FACEBOOK_CLIENT_SECRET", FACEBOOK_SECRET),
        Map.entry(OPTION + "X_CLIENT_ID", "airtix-x"),
        Map.entry(OPTION + "X_CLIENT_SECRET", X_SECRET),
        Map.entry(OPTION + "OIDC_CLIENT_ID", CLIENT_ID),
        Map.entry(OPTION + "OIDC_CLIENT_SECRET", CLIENT_SECRET),
        Map.entry(OPTION + "OIDC_DISPLAY_NAME", DISPLAY_NAME),
        Map.entry(OPTION + "OIDC_TRUST_EMAIL", "true"),
        Map.entry(OPTION + "OIDC_ISSUER", issuer),
        Map.entry(OPTION + "OIDC_AUTHORIZATION_URL", endpoints + "/auth"),
        Map.entry(OPTION + "OIDC_TOKEN_URL", endpoints + "/token"),
        Map.entry(OPTION + "OIDC_JWKS_URL", endpoints + "/certs"),
        Map.entry(OPTION + "OIDC_USERINFO_URL", endpoints + "/userinfo"),
        Map.entry(OPTION + "OIDC_LOGOUT_URL", endpoints + "/logout"));
  }

  /** Creates the partner realm with Airtix as its confidential client. */
  static Partner create(KeycloakServer keycloak) {
    RealmRepresentation realm = new RealmRepresentation();
    realm.setRealm(REALM);
    realm.setEnabled(true);
    ClientRepresentation airtix = new ClientRepresentation();
    airtix.setClientId(CLIENT_ID);
    airtix.setPublicClient(false);
    airtix.setSecret(CLIENT_SECRET);
    airtix.setStandardFlowEnabled(true);
    airtix.setDirectAccessGrantsEnabled(false);
    airtix.setRedirectUris(List.of(keycloak.issuer() + "/broker/" + ALIAS + "/endpoint"));
    realm.setClients(List.of(airtix));
    keycloak.admin().realms().create(realm);
    return new Partner(keycloak);
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
        throw new IllegalStateException("the partner refused " + person.username() + ": " + response.getStatus());
      }
    }
    return new NewUser(person.username(), email, person.firstName(), person.lastName(), person.password(),
        person.realmRoles(), person.airlineRoles());
  }

  /** A person with an account at the partner under a new address. */
  NewUser createPerson() {
    return createPerson(TestUsers.customer().email());
  }

  private RealmResource realm() {
    return keycloak.admin().realm(REALM);
  }
}
