package io.airtix.platform.denylist;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a correctly signed, unexpired token whose user was banned, deleted or signed out
 * everywhere, or whose session ended: the resource server answers 401 like for any invalid token.
 * Runs after the signature check, so only genuine tokens ever reach the deny-list. The deny-list it
 * asks is the instance's own in memory: a Redis outage neither locks users out nor lets banned
 * tokens through.
 */
public final class DenyListValidator implements OAuth2TokenValidator<Jwt> {

  private static final OAuth2Error REVOKED =
      new OAuth2Error(
          OAuth2ErrorCodes.INVALID_TOKEN,
          "The token was revoked: its session ended or its user was signed out, banned or deleted.",
          null);

  private final DenyList denyList;

  public DenyListValidator(DenyList denyList) {
    this.denyList = denyList;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    return denyList.denies(token.getSubject(), token.getClaimAsString("sid"), token.getIssuedAt())
        ? OAuth2TokenValidatorResult.failure(REVOKED)
        : OAuth2TokenValidatorResult.success();
  }
}
