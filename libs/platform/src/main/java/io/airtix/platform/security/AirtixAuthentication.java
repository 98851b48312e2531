package io.airtix.platform.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated request: the principal is the {@link AirtixPrincipal}, so controllers can take
 * it with {@code @AuthenticationPrincipal}; the verified token stays available as credentials.
 */
public class AirtixAuthentication extends AbstractAuthenticationToken {

  private final AirtixPrincipal principal;
  private final Jwt token;

  public AirtixAuthentication(AirtixPrincipal principal, Jwt token) {
    super(authorities(principal));
    this.principal = principal;
    this.token = token;
    setAuthenticated(true);
  }

  @Override
  public AirtixPrincipal getPrincipal() {
    return principal;
  }

  @Override
  public Jwt getCredentials() {
    return token;
  }

  @Override
  public String getName() {
    return principal.userId();
  }

  private static List<SimpleGrantedAuthority> authorities(AirtixPrincipal principal) {
    return principal.describeRoles().stream()
        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
  }
}
