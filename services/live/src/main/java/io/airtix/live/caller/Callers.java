package io.airtix.live.caller;

import io.airtix.platform.security.AirtixPrincipal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks an access token exactly as every service does (signature, issuer, audience, expiry, a
 * platform client's access token, the deny-list) and says who it stands for.
 */
public final class Callers {

  private final JwtDecoder tokens;

  public Callers(JwtDecoder tokens) {
    this.tokens = tokens;
  }

  public Caller fromToken(String token) {
    Jwt jwt;
    try {
      jwt = tokens.decode(token);
    } catch (JwtException refused) {
      throw new CallerRefusedException(refused.getMessage());
    }
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null) {
      throw new CallerRefusedException("The token has no expiry");
    }
    return new Caller(AirtixPrincipal.fromClaims(jwt.getClaims()), jwt.getIssuedAt(), expiresAt);
  }

  /** The token of an {@code Authorization: Bearer} header; null when there is none. */
  public static @Nullable String bearer(@Nullable String authorization) {
    if (authorization == null) {
      return null;
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
      throw new CallerRefusedException("The Authorization header carries no bearer token");
    }
    return authorization.substring(7).trim();
  }
}
