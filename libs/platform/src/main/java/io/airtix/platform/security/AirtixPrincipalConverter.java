package io.airtix.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a verified access token into an {@link AirtixAuthentication}. */
public class AirtixPrincipalConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    return new AirtixAuthentication(AirtixPrincipal.fromClaims(jwt.getClaims()), jwt);
  }
}
