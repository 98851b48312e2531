package io.airtix.keycloakclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewUserTests {

  @Test
  void isNotChangedByLaterChangesToTheCollectionsItWasBuiltFrom() {
    Set<String> agentRoles = new HashSet<>(Set.of("agent"));
    Map<String, Set<String>> airlineRoles = new HashMap<>(Map.of("aerolux", agentRoles));
    NewUser user =
        new NewUser(
            "ana", "ana@example.org", "Ana", "Agent", "a-long-password", Set.of(), airlineRoles);

    agentRoles.add("tenant-admin");
    airlineRoles.put("skyway", Set.of("auditor"));

    assertThat(user.airlineRoles()).containsOnlyKeys("aerolux");
    assertThat(user.airlineRoles().get("aerolux")).containsExactly("agent");
  }

  @Test
  void aCustomerHasNoRolesBeyondTheDefaults() {
    NewUser user =
        NewUser.customer("carl", "carl@example.org", "Carl", "Customer", "a-long-password");

    assertThat(user.realmRoles()).isEmpty();
    assertThat(user.airlineRoles()).isEmpty();
  }

  @Test
  void needsAUsernameAnEmailAndAPassword() {
    assertThatThrownBy(() -> new NewUser(null, "x@example.org", null, null, "pw", null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("username");
  }

  @Test
  void knowsTheGroupThatStandsForARoleInAnAirline() {
    assertThat(AirtixRealm.airlineGroupPath("aerolux", "agent"))
        .isEqualTo("/airlines/aerolux/agent");
  }
}
