package io.airtix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AirtixPrincipalTests {

  @Test
  void readsIdentityFromStandardClaims() {
    AirtixPrincipal principal =
        AirtixPrincipal.fromClaims(
            Map.of(
                "sub",
                "3f2c",
                "preferred_username",
                "ana",
                "email",
                "ana@example.org",
                "sid",
                "s-1"));

    assertThat(principal.userId()).isEqualTo("3f2c");
    assertThat(principal.username()).isEqualTo("ana");
    assertThat(principal.email()).isEqualTo("ana@example.org");
    assertThat(principal.sessionId()).isEqualTo("s-1");
  }

  @Test
  void keepsOnlyPlatformRolesOfTheRealm() {
    AirtixPrincipal principal =
        AirtixPrincipal.fromClaims(
            Map.of(
                "sub",
                "u",
                "realm_access",
                Map.of(
                    "roles",
                    List.of(
                        "default-roles-airtix", "offline_access", "customer", "platform-admin"))));

    assertThat(principal.platformRoles()).containsExactlyInAnyOrder("customer", "platform-admin");
  }

  @Test
  void readsAirlineRolesFromFullGroupPaths() {
    AirtixPrincipal principal =
        AirtixPrincipal.fromClaims(
            Map.of(
                "sub",
                "u",
                "groups",
                List.of(
                    "/airlines/aerolux/agent",
                    "/airlines/aerolux/auditor",
                    "/airlines/boreal/tenant-admin")));

    assertThat(principal.airlineRoles())
        .isEqualTo(
            Map.of(
                "aerolux", Set.of("agent", "auditor"),
                "boreal", Set.of("tenant-admin")));
    assertThat(principal.rolesIn("aerolux")).containsExactlyInAnyOrder("agent", "auditor");
    assertThat(principal.rolesIn("cirrus")).isEmpty();
  }

  @Test
  void ignoresGroupsThatAreNotAirlineRoles() {
    AirtixPrincipal principal =
        AirtixPrincipal.fromClaims(
            Map.of(
                "sub",
                "u",
                "groups",
                List.of(
                    "agent",
                    "/airlines/aerolux",
                    "/airlines/aerolux/agent/extra",
                    "/staff/aerolux/agent",
                    "airlines/aerolux/agent",
                    "/airlines/AeroLux/agent",
                    "/airlines//agent")));

    assertThat(principal.airlineRoles()).isEmpty();
  }

  @Test
  void toleratesTokensWithoutRoleClaims() {
    AirtixPrincipal principal =
        AirtixPrincipal.fromClaims(Map.of("sub", "service-account-tenants"));

    assertThat(principal.platformRoles()).isEmpty();
    assertThat(principal.airlineRoles()).isEmpty();
    assertThat(principal.email()).isNull();
  }
}
