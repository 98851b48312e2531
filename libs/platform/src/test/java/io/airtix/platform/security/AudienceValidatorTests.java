package io.airtix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class AudienceValidatorTests {

  private final AudienceValidator validator = new AudienceValidator("tickets");

  @Test
  void acceptsTokenWhoseAudienceNamesTheService() {
    assertThat(validator.validate(token(List.of("account", "tickets"))).hasErrors()).isFalse();
  }

  @Test
  void rejectsTokenForAnotherAudience() {
    OAuth2TokenValidatorResult result = validator.validate(token(List.of("tenants")));

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.getErrors())
        .singleElement()
        .satisfies(error -> assertThat(error.getErrorCode()).isEqualTo("invalid_token"));
  }

  @Test
  void rejectsTokenWithoutAudience() {
    Jwt token =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("u")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .build();

    assertThat(validator.validate(token).hasErrors()).isTrue();
  }

  @Test
  void refusesBlankAudience() {
    assertThatIllegalArgumentException().isThrownBy(() -> new AudienceValidator(" "));
  }

  private static Jwt token(List<String> audience) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject("u")
        .audience(audience)
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(60))
        .build();
  }
}
