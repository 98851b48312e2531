package io.airtix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The validator chain the resource server applies after the signature check. */
class TokenValidatorTests {

  private static final String ISSUER = "http://localhost:8180/realms/airtix";

  private final OAuth2TokenValidator<Jwt> validator =
      AirtixSecurityAutoConfiguration.tokenValidator(
          new SecuritySettings(URI.create(ISSUER), Duration.ofSeconds(30), null, List.of(), 0),
          "tickets");

  @Test
  void acceptsCurrentTokenOfTheRealmForTheService() {
    assertThat(validator.validate(token(ISSUER, Instant.now().plusSeconds(60))).hasErrors())
        .isFalse();
  }

  @Test
  void acceptsTokenExpiredWithinTheClockSkew() {
    assertThat(validator.validate(token(ISSUER, Instant.now().minusSeconds(10))).hasErrors())
        .isFalse();
  }

  @Test
  void rejectsTokenExpiredBeyondTheClockSkew() {
    assertThat(validator.validate(token(ISSUER, Instant.now().minusSeconds(40))).hasErrors())
        .isTrue();
  }

  @Test
  void rejectsTokenOfAnotherIssuer() {
    assertThat(
            validator
                .validate(
                    token("http://127.0.0.1:8180/realms/airtix", Instant.now().plusSeconds(60)))
                .hasErrors())
        .isTrue();
  }

  @Test
  void rejectsTokenWithoutExpiry() {
    Jwt token =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .issuer(ISSUER)
            .audience(List.of("tickets"))
            .subject("u")
            .build();

    assertThat(validator.validate(token).hasErrors()).isTrue();
  }

  @Test
  void derivesKeySetFromIssuer() {
    SecuritySettings settings =
        new SecuritySettings(URI.create(ISSUER), Duration.ZERO, null, List.of(), 0);

    assertThat(settings.jwkSetUri()).hasToString(ISSUER + "/protocol/openid-connect/certs");
  }

  private static Jwt token(String issuer, Instant expiresAt) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .issuer(issuer)
        .audience(List.of("tickets"))
        .subject("u")
        .issuedAt(expiresAt.minusSeconds(300))
        .expiresAt(expiresAt)
        .build();
  }
}
