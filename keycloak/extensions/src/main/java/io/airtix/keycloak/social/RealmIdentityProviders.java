package io.airtix.keycloak.social;

import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Brings a realm's identity providers in line with {@link SocialSignInSettings}: each supplied
 * provider is created or updated and enabled; a known provider whose credentials were withdrawn is
 * disabled, not removed, so the links people made to it survive until it comes back.
 */
final class RealmIdentityProviders {

  private static final Logger log = Logger.getLogger(RealmIdentityProviders.class);

  private RealmIdentityProviders() {}

  static void apply(KeycloakSession session, RealmModel realm, SocialSignInSettings settings) {
    RealmModel previous = session.getContext().getRealm();
    // the identity provider store works on the context's realm
    session.getContext().setRealm(realm);
    try {
      IdentityProviderStorageProvider providers = session.identityProviders();
      for (SocialSignInSettings.Supplied supplied : settings.supplied()) {
        IdentityProviderModel existing = providers.getByAlias(supplied.provider().alias());
        if (existing == null) {
          providers.create(model(new IdentityProviderModel(), realm, supplied));
          log.infof("airtix: social sign-in %s created in realm %s", supplied, realm.getName());
        } else {
          providers.update(model(existing, realm, supplied));
          log.infof("airtix: social sign-in %s updated in realm %s", supplied, realm.getName());
        }
      }
      for (String alias : settings.withdrawn()) {
        IdentityProviderModel existing = providers.getByAlias(alias);
        if (existing != null && existing.isEnabled()) {
          existing.setEnabled(false);
          providers.update(existing);
          log.infof(
              "airtix: social sign-in %s disabled in realm %s: no client id and secret",
              alias, realm.getName());
        }
      }
    } finally {
      session.getContext().setRealm(previous);
    }
  }

  private static IdentityProviderModel model(
      IdentityProviderModel model, RealmModel realm, SocialSignInSettings.Supplied supplied) {
    SocialProvider provider = supplied.provider();
    model.setAlias(provider.alias());
    model.setProviderId(provider.providerId());
    model.setDisplayName(provider.displayName());
    model.setEnabled(true);
    model.setTrustEmail(provider.trustEmail());
    model.setStoreToken(false);
    model.setLinkOnly(false);
    model.setHideOnLogin(false);
    // the profile is taken from the provider at the first sign-in only; afterwards it is the
    // person's own
    model.setSyncMode(IdentityProviderSyncMode.IMPORT);
    AuthenticationFlowModel firstBrokerLogin = realm.getFirstBrokerLoginFlow();
    if (firstBrokerLogin != null) {
      model.setFirstBrokerLoginFlowId(firstBrokerLogin.getId());
    }
    Map<String, String> config =
        new HashMap<>(model.getConfig() == null ? Map.of() : model.getConfig());
    config.putAll(provider.config());
    config.put("clientId", supplied.clientId());
    config.put("clientSecret", supplied.clientSecret());
    model.setConfig(config);
    return model;
  }
}
