package io.airtix.platform.authorization;

import io.airtix.platform.security.AirtixPrincipal;
import java.util.Map;
import java.util.Set;

final class PrincipalMother {

  private PrincipalMother() {}

  static AirtixPrincipal platform(String role) {
    return new AirtixPrincipal("u-" + role, role, null, null, Set.of(role), Map.of());
  }

  static AirtixPrincipal member(String airline, String role) {
    return new AirtixPrincipal(
        "u-" + role, role, null, null, Set.of(), Map.of(airline, Set.of(role)));
  }

  /** A platform role when the airline is "-", otherwise a tenant role in that airline. */
  static AirtixPrincipal holding(String role, String airline) {
    return "-".equals(airline) ? platform(role) : member(airline, role);
  }
}
