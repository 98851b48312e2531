package io.airtix.platform.security;

import io.airtix.platform.denylist.DenyList;
import io.airtix.platform.denylist.DenyListValidator;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The one way Airtix checks an access token: RS256 against the realm's keys, {@code iss}, {@code
 * exp}/{@code nbf}, {@code aud}, an access token of a platform client, and not on the deny-list.
 * The servlet services get it as their resource server's decoder; a service that reads tokens
 * elsewhere (the live-updates service, from a connection) builds it here.
 */
public final class AccessTokenDecoders {

  private AccessTokenDecoders() {}

  /**
   * A decoder for tokens addressed to {@code audience}.
   *
   * @param denyList asked on every decode; null when the service keeps none
   */
  public static JwtDecoder create(
      SecuritySettings settings, String audience, @Nullable DenyList denyList) {
    // The key set is fetched on the first token, not here, so a service starts while Keycloak is
    // down.
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    // banned users and ended sessions are refused within seconds, not at token expiry
    OAuth2TokenValidator<Jwt> everyRequest =
        denyList == null
            ? token -> OAuth2TokenValidatorResult.success()
            : new DenyListValidator(denyList);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(tokenValidator(settings, audience), everyRequest));
    return settings.verifiedTokens() == 0
        ? decoder
        : new VerifiedTokenCache(
            decoder, everyRequest, Clock.systemUTC(), settings.verifiedTokens());
  }

  static OAuth2TokenValidator<Jwt> tokenValidator(SecuritySettings settings, String audience) {
    JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
    // A token without exp would be valid forever
    timestamps.setAllowEmptyExpiryClaim(false);
    return new DelegatingOAuth2TokenValidator<>(
        timestamps,
        new JwtIssuerValidator(settings.issuerUri().toString()),
        new AudienceValidator(audience),
        new AccessTokenValidator(settings.clients()));
  }

  /** The audience a service's tokens must name: the setting, or the service's name. */
  public static String audience(SecuritySettings settings, Environment environment) {
    String audience =
        settings.audience() != null
            ? settings.audience()
            : environment.getProperty("spring.application.name");
    if (audience == null || audience.isBlank()) {
      throw new IllegalStateException(
          "Set airtix.security.audience or spring.application.name: tokens must name this service in aud");
    }
    return audience;
  }
}
