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
 * provider is created or updated and enabled, with the realm's post-login flow that asks the second
 * factor; a known provider whose credentials were withdrawn is disabled, not removed, so the links
 * people made to it survive until it comes back.
 */
final class RealmIdentityProviders {

  /**
   * The realm's flow after every sign-in through a provider: the second factor where one applies.
   */
  private static final String AFTER_SIGN_IN_FLOW = "airtix after identity provider";

  private static final Logger log = Logger.getLogger(RealmIdentityProviders.class);

  private RealmIdentityProviders() {}

  static void apply(KeycloakSession session, RealmModel realm, SocialSignInSettings settings) {
    RealmModel previous = session.getContext().getRealm();
    // the identity provider store works on the context's realm
    session.getContext().setRealm(realm);
    try {
      IdentityProviderStorageProvider providers = session.identityProviders();
      AuthenticationFlowModel afterSignIn = realm.getFlowByAlias(AFTER_SIGN_IN_FLOW);
      for (SocialSignInSettings.Supplied supplied : settings.supplied()) {
        IdentityProviderModel existing = providers.getByAlias(supplied.provider().alias());
        if (afterSignIn == null) {
          // without the flow an admin would get in without their second factor: fail closed
          log.warnf(
              "airtix: social sign-in %s not enabled in realm %s: the realm has no flow '%s'",
              supplied, realm.getName(), AFTER_SIGN_IN_FLOW);
          if (existing != null && existing.isEnabled()) {
            existing.setEnabled(false);
            providers.update(existing);
          }
        } else if (existing == null) {
          providers.create(model(new IdentityProviderModel(), realm, supplied, afterSignIn));
          log.infof("airtix: social sign-in %s created in realm %s", supplied, realm.getName());
        } else {
          providers.update(model(existing, realm, supplied, afterSignIn));
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
      IdentityProviderModel model,
      RealmModel realm,
      SocialSignInSettings.Supplied supplied,
      AuthenticationFlowModel afterSignIn) {
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
    // a provider skips the sign-in pages, so the second factor is asked after it (decision 0028)
    model.setPostBrokerLoginFlowId(afterSignIn.getId());
    Map<String, String> config =
        new HashMap<>(model.getConfig() == null ? Map.of() : model.getConfig());
    config.putAll(provider.config());
    config.put("clientId", supplied.clientId());
    config.put("clientSecret", supplied.clientSecret());
    model.setConfig(config);
    return model;
  }
}
