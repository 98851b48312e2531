package io.airtix.keycloak.social;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.Config;

/**
 * Which ways to sign in elsewhere the operator turned on, read once from Keycloak's configuration:
 * a provider is offered only when both its client id and its secret are supplied, e.g. {@code
 * KC_SPI_SOCIAL_SIGN_IN__AIRTIX__GOOGLE_CLIENT_ID} and {@code …__GOOGLE_CLIENT_SECRET}.
 *
 * @param realm the realm whose identity providers these are
 * @param supplied the providers to create or update and enable, each with its credentials
 * @param withdrawn the known providers without credentials: disabled if the realm has them, never
 *     created
 */
record SocialSignInSettings(String realm, List<Supplied> supplied, List<String> withdrawn) {

  static final String REALM = "realm";
  static final String DEFAULT_REALM = "airtix";
  static final String CLIENT_ID = "-client-id";
  static final String CLIENT_SECRET = "-client-secret";
  static final String OIDC_DISPLAY_NAME = "oidc-display-name";
  static final String OIDC_TRUST_EMAIL = "oidc-trust-email";
  static final String OIDC_ISSUER = "oidc-issuer";
  static final String OIDC_AUTHORIZATION_URL = "oidc-authorization-url";
  static final String OIDC_TOKEN_URL = "oidc-token-url";
  static final String OIDC_JWKS_URL = "oidc-jwks-url";
  static final String OIDC_USERINFO_URL = "oidc-userinfo-url";
  static final String OIDC_LOGOUT_URL = "oidc-logout-url";

  /** A provider with its credentials; {@link #toString()} never shows the secret. */
  record Supplied(SocialProvider provider, String clientId, String clientSecret) {

    @Override
    public String toString() {
      return provider.alias() + " (client " + clientId + ")";
    }
  }

  static SocialSignInSettings from(Config.Scope config) {
    List<Supplied> supplied = new ArrayList<>();
    List<String> withdrawn = new ArrayList<>();
    for (String alias :
        List.of(
            SocialProvider.GOOGLE,
            SocialProvider.FACEBOOK,
            SocialProvider.X,
            SocialProvider.OIDC)) {
      String clientId = value(config, alias + CLIENT_ID);
      String clientSecret = value(config, alias + CLIENT_SECRET);
      if (clientId == null || clientSecret == null) {
        withdrawn.add(alias);
      } else {
        supplied.add(new Supplied(provider(alias, config), clientId, clientSecret));
      }
    }
    return new SocialSignInSettings(
        config.get(REALM, DEFAULT_REALM), List.copyOf(supplied), List.copyOf(withdrawn));
  }

  private static SocialProvider provider(String alias, Config.Scope config) {
    return switch (alias) {
      case SocialProvider.GOOGLE -> SocialProvider.google();
      case SocialProvider.FACEBOOK -> SocialProvider.facebook();
      case SocialProvider.X -> SocialProvider.x();
      default ->
          SocialProvider.openIdConnect(
              config.get(OIDC_DISPLAY_NAME, "OpenID Connect"),
              config.getBoolean(OIDC_TRUST_EMAIL, false),
              new SocialProvider.OidcEndpoints(
                  required(config, OIDC_ISSUER),
                  required(config, OIDC_AUTHORIZATION_URL),
                  required(config, OIDC_TOKEN_URL),
                  required(config, OIDC_JWKS_URL),
                  value(config, OIDC_USERINFO_URL),
                  value(config, OIDC_LOGOUT_URL)));
    };
  }

  /**
   * A blank value counts as not supplied: an empty variable in a compose file or chart must not
   * turn a provider on.
   */
  private static String value(Config.Scope config, String key) {
    String value = config.get(key);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String required(Config.Scope config, String key) {
    String value = value(config, key);
    if (value == null) {
      throw new IllegalStateException(
          "social sign-in: --spi-"
              + SocialSignInSpi.NAME
              + "--"
              + SocialSignInProviderFactory.ID
              + "--"
              + key
              + " is required with the oidc client id and secret");
    }
    return value;
  }
}
