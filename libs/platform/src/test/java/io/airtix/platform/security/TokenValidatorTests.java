package io.airtix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The validator chain the resource server applies after the signature check. */
class TokenValidatorTests {

  private static final String ISSUER = "http://localhost:8180/realms/airtix";

  private final OAuth2TokenValidator<Jwt> validator =
      AccessTokenDecoders.tokenValidator(
          new SecuritySettings(
              URI.create(ISSUER),
              null,
              Duration.ofSeconds(30),
              null,
              List.of(),
              Set.of("airtix-web"),
              0),
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
        new SecuritySettings(
            URI.create(ISSUER), null, Duration.ZERO, null, List.of(), Set.of("airtix-web"), 0);

    assertThat(settings.jwkSetUri()).hasToString(ISSUER + "/protocol/openid-connect/certs");
  }

  @Test
  void rejectsAnIdOrRefreshTokenNamingTheService() {
    for (String type : List.of("ID", "Refresh", "Logout")) {
      Jwt token = token(ISSUER, Instant.now().plusSeconds(60), type, "airtix-web");

      assertThat(validator.validate(token).hasErrors()).as(type).isTrue();
    }
  }

  @Test
  void rejectsAnAccessTokenOfAClientThePlatformDoesNotServe() {
    for (String client : List.of("security-admin-console", "tenants", "account-console")) {
      Jwt token = token(ISSUER, Instant.now().plusSeconds(60), "Bearer", client);

      assertThat(validator.validate(token).hasErrors()).as(client).isTrue();
    }
    Jwt withoutClient =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .issuer(ISSUER)
            .audience(List.of("tickets"))
            .subject("u")
            .claim("typ", "Bearer")
            .expiresAt(Instant.now().plusSeconds(60))
            .build();
    assertThat(validator.validate(withoutClient).hasErrors()).isTrue();
  }

  private static Jwt token(String issuer, Instant expiresAt) {
    return token(issuer, expiresAt, "Bearer", "airtix-web");
  }

  private static Jwt token(String issuer, Instant expiresAt, String type, String client) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .issuer(issuer)
        .audience(List.of("tickets"))
        .subject("u")
        .claim("typ", type)
        .claim("azp", client)
        .issuedAt(expiresAt.minusSeconds(300))
        .expiresAt(expiresAt)
        .build();
  }
}
