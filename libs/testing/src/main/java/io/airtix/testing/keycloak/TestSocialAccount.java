package io.airtix.testing.keycloak;

import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * A social account linked to a test user through the admin API, at an identity provider made for it
 * in the realm: nobody signs in with it, only the link exists. Closing removes the provider.
 */
public final class TestSocialAccount implements AutoCloseable {

  private final KeycloakServer keycloak;
  private final String provider;
  private final UserResource user;

  private TestSocialAccount(KeycloakServer keycloak, String provider, UserResource user) {
    this.keycloak = keycloak;
    this.provider = provider;
    this.user = user;
  }

  /** Makes a provider and links an account at it to {@code user}. */
  public static TestSocialAccount linkedTo(KeycloakServer keycloak, TestUser user) {
    String alias = "social-" + UUID.randomUUID().toString().substring(0, 8);
    IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
    provider.setAlias(alias);
    provider.setProviderId("oidc");
    provider.setEnabled(true);
    provider.setConfig(
        Map.of(
            "authorizationUrl", "https://social.invalid/auth",
            "tokenUrl", "https://social.invalid/token",
            "clientId", "airtix",
            "clientSecret", "secret",
            "clientAuthMethod", "client_secret_post"));
    keycloak.airtixRealm().resource().identityProviders().create(provider).close();
    UserResource resource = keycloak.airtixRealm().resource().users().get(user.id());
    FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
    link.setIdentityProvider(alias);
    link.setUserId("social-" + user.id());
    link.setUserName(user.username());
    resource.addFederatedIdentity(alias, link).close();
    return new TestSocialAccount(keycloak, alias, resource);
  }

  /** Unlinks the account, as an administrator does. */
  public void unlink() {
    user.removeFederatedIdentity(provider);
  }

  @Override
  public void close() {
    keycloak.airtixRealm().resource().identityProviders().get(provider).remove();
  }
}
