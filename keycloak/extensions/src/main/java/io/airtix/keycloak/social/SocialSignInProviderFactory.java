package io.airtix.keycloak.social;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderFactory;

/**
 * Sets up the realm's social sign-in (Google, Facebook, X, an OpenID Connect provider) from
 * Keycloak's configuration: when Keycloak has started (the realm exists already, or was just
 * imported with {@code --import-realm}) and when the realm is created later through the admin API.
 * So the launcher, the distributed scripts, container images and the tests all configure it the
 * same way, with environment variables, and no secret ever sits in the realm file.
 */
public final class SocialSignInProviderFactory implements ProviderFactory<SocialSignIn> {

  static final String ID = "airtix";

  private static final Logger log = Logger.getLogger(SocialSignInProviderFactory.class);
  private static final SocialSignIn NOTHING_PER_REQUEST = () -> {};

  private SocialSignInSettings settings;

  @Override
  public SocialSignIn create(KeycloakSession session) {
    return NOTHING_PER_REQUEST;
  }

  @Override
  public void init(Config.Scope config) {
    settings = SocialSignInSettings.from(config);
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    factory.register(this::onEvent);
  }

  private void onEvent(ProviderEvent event) {
    if (event instanceof PostMigrationEvent started) {
      try {
        KeycloakModelUtils.runJobInTransaction(
            started.getFactory(),
            session -> {
              RealmModel realm = session.realms().getRealmByName(settings.realm());
              if (realm == null) {
                log.infof(
                    "airtix: social sign-in waits for realm %s to be created", settings.realm());
              } else {
                RealmIdentityProviders.apply(session, realm, settings);
              }
            });
      } catch (RuntimeException e) {
        // e.g. two nodes of a cluster starting at once: Keycloak runs on with the providers as they
        // are
        log.errorf(
            e,
            "airtix: social sign-in could not set up realm %s; the next start tries again",
            settings.realm());
      }
    } else if (event instanceof RealmModel.RealmPostCreateEvent created
        && created.getCreatedRealm().getName().equals(settings.realm())) {
      RealmIdentityProviders.apply(
          created.getKeycloakSession(), created.getCreatedRealm(), settings);
    }
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    ProviderConfigurationBuilder builder =
        ProviderConfigurationBuilder.create()
            .property()
            .name(SocialSignInSettings.REALM)
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("The realm whose identity providers are set up.")
            .defaultValue(SocialSignInSettings.DEFAULT_REALM)
            .add();
    for (String alias :
        List.of(
            SocialProvider.GOOGLE,
            SocialProvider.FACEBOOK,
            SocialProvider.X,
            SocialProvider.OIDC)) {
      builder
          .property()
          .name(alias + SocialSignInSettings.CLIENT_ID)
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText(
              "Client id at " + alias + "; with the secret, turns sign-in with " + alias + " on.")
          .add()
          .property()
          .name(alias + SocialSignInSettings.CLIENT_SECRET)
          .type(ProviderConfigProperty.PASSWORD)
          .helpText("Client secret at " + alias + "; pass it as an environment variable.")
          .add();
    }
    return builder
        .property()
        .name(SocialSignInSettings.OIDC_DISPLAY_NAME)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("The OpenID Connect provider's name on the sign-in page.")
        .defaultValue("OpenID Connect")
        .add()
        .property()
        .name(SocialSignInSettings.OIDC_TRUST_EMAIL)
        .type(ProviderConfigProperty.BOOLEAN_TYPE)
        .helpText("Whether addresses from the OpenID Connect provider count as verified.")
        .defaultValue(false)
        .add()
        .property()
        .name(SocialSignInSettings.OIDC_ISSUER)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("The provider's issuer.")
        .add()
        .property()
        .name(SocialSignInSettings.OIDC_AUTHORIZATION_URL)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("The provider's authorization endpoint.")
        .add()
        .property()
        .name(SocialSignInSettings.OIDC_TOKEN_URL)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("The provider's token endpoint.")
        .add()
        .property()
        .name(SocialSignInSettings.OIDC_JWKS_URL)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("The provider's JSON Web Key Set.")
        .add()
        .property()
        .name(SocialSignInSettings.OIDC_USERINFO_URL)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("The provider's user info endpoint (optional).")
        .add()
        .property()
        .name(SocialSignInSettings.OIDC_LOGOUT_URL)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("The provider's end-session endpoint (optional).")
        .add()
        .build();
  }

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
