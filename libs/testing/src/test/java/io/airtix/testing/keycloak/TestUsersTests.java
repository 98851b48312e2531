package io.airtix.testing.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.keycloakclient.NewUser;
import org.junit.jupiter.api.Test;

class TestUsersTests {

  @Test
  void namesANewPersonOnEveryCall() {
    NewUser first = TestUsers.customer();
    NewUser second = TestUsers.customer();

    assertThat(first.username()).isNotEqualTo(second.username());
    assertThat(first.email()).isNotEqualTo(second.email());
    assertThat(first.password()).isNotEqualTo(second.password());
  }

  @Test
  void givesPasswordsTheRealmPolicyAccepts() {
    NewUser user = TestUsers.customer();

    assertThat(user.password())
        .hasSizeGreaterThanOrEqualTo(16)
        .doesNotContain(user.username())
        .isNotEqualTo(user.email());
  }

  @Test
  void makesAMemberHoldTheTenantRolesInTheirAirlineOnly() {
    NewUser agent = TestUsers.member("aerolux", "agent", "auditor");

    assertThat(agent.airlineRoles()).containsOnlyKeys("aerolux");
    assertThat(agent.airlineRoles().get("aerolux")).containsExactlyInAnyOrder("agent", "auditor");
    assertThat(agent.realmRoles()).isEmpty();
  }

  @Test
  void refusesAMemberWithoutRole() {
    assertThatThrownBy(() -> TestUsers.member("aerolux"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void makesAPlatformAdminHoldThePlatformRole() {
    assertThat(TestUsers.platformAdmin().realmRoles()).containsExactly("platform-admin");
  }
}
