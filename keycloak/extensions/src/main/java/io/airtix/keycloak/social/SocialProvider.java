package io.airtix.keycloak.social;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One way to sign in with an account elsewhere, as the realm's identity provider {@code alias} of
 * Keycloak's provider type {@code providerId}. The client id and secret come from the operator; the
 * rest is fixed here.
 *
 * @param trustEmail whether an address the provider hands over counts as verified (decision 0017)
 * @param config Keycloak's settings of the provider type, without the client id and secret
 */
record SocialProvider(
    String alias,
    String providerId,
    String displayName,
    boolean trustEmail,
    Map<String, String> config) {

  static final String GOOGLE = "google";
  static final String FACEBOOK = "facebook";
  static final String X = "x";
  static final String OIDC = "oidc";

  /** Keycloak's Google provider; Google hands over only addresses it has verified. */
  static SocialProvider google() {
    return new SocialProvider(
        GOOGLE, "google", "Google", true, Map.of("defaultScope", "openid profile email"));
  }

  /** Keycloak's Facebook provider; Facebook does not say whether the address was confirmed. */
  static SocialProvider facebook() {
    return new SocialProvider(
        FACEBOOK, "facebook", "Facebook", false, Map.of("defaultScope", "email public_profile"));
  }

  /**
   * X through Keycloak's generic OAuth 2.0 provider (its Twitter provider speaks the deprecated
   * OAuth 1.0a). X's {@code /2/users/me} nests the person under {@code data}; it gives an address
   * only to apps approved for the {@code users.email} scope, so by default the person types one in
   * and verifies it.
   */
  static SocialProvider x() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("authorizationUrl", "https://x.com/i/oauth2/authorize");
    config.put("tokenUrl", "https://api.x.com/2/oauth2/token");
    config.put("userInfoUrl", "https://api.x.com/2/users/me");
    config.put("clientAuthMethod", "client_secret_basic");
    config.put("pkceEnabled", "true");
    config.put("pkceMethod", "S256");
    config.put("defaultScope", "users.read tweet.read");
    config.put("userIDClaim", "data.id");
    config.put("userNameClaim", "data.username");
    config.put("fullNameClaim", "data.name");
    config.put("emailClaim", "data.email");
    return new SocialProvider(X, "oauth2", "X", false, Map.copyOf(config));
  }

  /**
   * Any OpenID Connect provider, e.g. a partner's or a company's own, with the endpoints of its
   * discovery document.
   */
  static SocialProvider openIdConnect(
      String displayName, boolean trustEmail, OidcEndpoints endpoints) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("issuer", endpoints.issuer());
    config.put("authorizationUrl", endpoints.authorizationUrl());
    config.put("tokenUrl", endpoints.tokenUrl());
    config.put("jwksUrl", endpoints.jwksUrl());
    config.put("useJwksUrl", "true");
    config.put("validateSignature", "true");
    if (endpoints.userInfoUrl() != null) {
      config.put("userInfoUrl", endpoints.userInfoUrl());
    }
    if (endpoints.logoutUrl() != null) {
      config.put("logoutUrl", endpoints.logoutUrl());
    }
    config.put("clientAuthMethod", "client_secret_post");
    config.put("pkceEnabled", "true");
    config.put("pkceMethod", "S256");
    config.put("defaultScope", "openid profile email");
    return new SocialProvider(OIDC, "oidc", displayName, trustEmail, Map.copyOf(config));
  }

  /**
   * Where an OpenID Connect provider's endpoints are, as its {@code
   * .well-known/openid-configuration} says.
   */
  record OidcEndpoints(
      String issuer,
      String authorizationUrl,
      String tokenUrl,
      String jwksUrl,
      String userInfoUrl,
      String logoutUrl) {}
}
