package io.airtix.platform.denylist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a correctly signed, unexpired token whose user was banned, deleted or signed out
 * everywhere, or whose session ended: the resource server answers 401 like for any invalid token.
 * Runs after the signature check, so only genuine tokens ever reach the deny-list.
 *
 * <p>When the deny-list cannot be read (Redis unreachable) the token is accepted and a warning
 * logged: signature, issuer, audience and expiry still hold, and a Redis outage must not lock every
 * user out of every service.
 */
public final class DenyListValidator implements OAuth2TokenValidator<Jwt> {

  private static final Logger LOG = LoggerFactory.getLogger(DenyListValidator.class);
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
    try {
      if (denyList.denies(token.getSubject(), token.getClaimAsString("sid"), token.getIssuedAt())) {
        return OAuth2TokenValidatorResult.failure(REVOKED);
      }
    } catch (RuntimeException unreachable) {
      LOG.warn(
          "Deny-list not readable, token accepted on its other checks: {}", unreachable.toString());
    }
    return OAuth2TokenValidatorResult.success();
  }
}
