package io.airtix.platform.denylist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class DenyListValidatorTests {

  private final Instant issued = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void refusesADeniedTokenAsAnInvalidToken() {
    DenyList denyList = new InMemoryDenyList(Duration.ofDays(36500), Clock.systemUTC());
    denyList.denySession("s-1", issued);

    OAuth2TokenValidatorResult result =
        new DenyListValidator(denyList).validate(token("user", "s-1"));

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.getErrors())
        .singleElement()
        .satisfies(
            error -> assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_TOKEN));
  }

  @Test
  void acceptsOtherTokens() {
    DenyList denyList = new InMemoryDenyList(Duration.ofDays(36500), Clock.systemUTC());
    denyList.denySession("s-1", issued);

    assertThat(new DenyListValidator(denyList).validate(token("user", "s-2")).hasErrors())
        .isFalse();
  }

  private Jwt token(String subject, String session) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject(subject)
        .claim("sid", session)
        .issuedAt(issued)
        .expiresAt(issued.plusSeconds(300))
        .build();
  }
}
