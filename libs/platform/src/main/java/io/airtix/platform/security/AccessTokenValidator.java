package io.airtix.platform.security;

import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts only access tokens ({@code typ} {@code Bearer}: not an ID, refresh or logout token) that
 * were issued to a client of the platform ({@code azp}), e.g. the web apps, never to another client
 * of the realm such as Keycloak's admin console or a service's own robot.
 */
public class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

  static final String ACCESS_TOKEN_TYPE = "Bearer";

  private final Set<String> clients;

  public AccessTokenValidator(Set<String> clients) {
    if (clients.isEmpty()) {
      throw new IllegalArgumentException("at least one client must be trusted");
    }
    this.clients = Set.copyOf(clients);
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    String type = token.getClaimAsString("typ");
    if (!ACCESS_TOKEN_TYPE.equals(type)) {
      return failure("The token is no access token (typ " + type + ")");
    }
    String client = token.getClaimAsString("azp");
    if (client == null || !clients.contains(client)) {
      return failure(
          "The token was issued to a client this service does not serve (azp " + client + ")");
    }
    return OAuth2TokenValidatorResult.success();
  }

  private static OAuth2TokenValidatorResult failure(String description) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
  }
}
