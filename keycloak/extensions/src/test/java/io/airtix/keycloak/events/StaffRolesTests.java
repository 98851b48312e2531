package io.airtix.keycloak.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.keycloak.events.StaffRoles.RoleGroup;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StaffRolesTests {

  @Test
  void readsTheAirlineAndTenantRoleOfARoleGroup() {
    assertThat(StaffRoles.roleGroup("/airlines/aerolux/agent"))
        .contains(new RoleGroup("aerolux", "agent"));
    assertThat(StaffRoles.roleGroup("/airlines/aerolux/tenant-admin"))
        .contains(new RoleGroup("aerolux", "tenant-admin"));
    assertThat(StaffRoles.roleGroup("/airlines/aerolux/auditor"))
        .contains(new RoleGroup("aerolux", "auditor"));
  }

  @Test
  void seesNoTenantRoleInSuspensionUnknownRolesOrOtherGroups() {
    assertThat(StaffRoles.roleGroup("/airlines/aerolux/suspended")).isEmpty();
    assertThat(StaffRoles.roleGroup("/airlines/aerolux/platform-admin")).isEmpty();
    assertThat(StaffRoles.roleGroup("/airlines/aerolux")).isEmpty();
    assertThat(StaffRoles.roleGroup("/airlines")).isEmpty();
    assertThat(StaffRoles.roleGroup("/airlines/aerolux/agent/night-shift")).isEmpty();
    assertThat(StaffRoles.roleGroup("/partners/aerolux/agent")).isEmpty();
    assertThat(StaffRoles.roleGroup("/airlines//agent")).isEmpty();
    assertThat(StaffRoles.roleGroup("airlines/aerolux/agent")).isEmpty();
    assertThat(StaffRoles.roleGroup(null)).isEmpty();
  }

  @Test
  void collectsThePersonsRolesInOneAirlineOnly() {
    assertThat(
            StaffRoles.rolesIn(
                "aerolux",
                Stream.of(
                    "/airlines/aerolux/tenant-admin",
                    "/airlines/boreal/auditor",
                    "/airlines/aerolux/agent",
                    "/airlines/aerolux/suspended",
                    "/staff-lounge")))
        .containsExactly("agent", "tenant-admin");
    assertThat(StaffRoles.rolesIn("aerolux", Stream.of("/airlines/aerolux/suspended"))).isEmpty();
    assertThat(StaffRoles.rolesIn("aerolux", Stream.empty())).isEmpty();
  }

  @Test
  void namesEveryAirlineWhereThePersonHoldsARole() {
    assertThat(
            StaffRoles.airlinesOf(
                Stream.of(
                    "/airlines/boreal/auditor",
                    "/airlines/aerolux/agent",
                    "/airlines/aerolux/tenant-admin",
                    "/airlines/cirrus/suspended")))
        .containsExactly("aerolux", "boreal");
  }
}
