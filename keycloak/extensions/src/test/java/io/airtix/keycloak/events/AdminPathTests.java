package io.airtix.keycloak.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.keycloak.events.LifecycleEvents.AdminPath;
import io.airtix.keycloak.events.LifecycleEvents.GroupMembership;
import org.junit.jupiter.api.Test;
import org.keycloak.events.admin.ResourceType;

class AdminPathTests {

  @Test
  void recognisesAUserItsLogoutAndASession() {
    assertThat(AdminPath.of("users/5ef9").isUser()).isTrue();
    assertThat(AdminPath.of("users/5ef9").id()).isEqualTo("5ef9");
    assertThat(AdminPath.of("users/5ef9/logout").isUserLogout()).isTrue();
    assertThat(AdminPath.of("sessions/sid-1").isSession()).isTrue();
    assertThat(AdminPath.of("sessions/sid-1").id()).isEqualTo("sid-1");
  }

  @Test
  void recognisesAPasswordResetAndAnUnlinkedSocialAccountOfAUser() {
    assertThat(AdminPath.of("users/5ef9/reset-password").isUserPasswordReset()).isTrue();
    assertThat(AdminPath.of("users/5ef9/reset-password-email").isUserPasswordReset()).isFalse();
    assertThat(AdminPath.of("users/5ef9/federated-identity/google").isUserProviderLink()).isTrue();
    assertThat(AdminPath.of("users/5ef9/federated-identity/google").id()).isEqualTo("5ef9");
    assertThat(AdminPath.of("users/5ef9/federated-identity").isUserProviderLink()).isFalse();
  }

  @Test
  void recognisesTheRealmWideSignOutOnly() {
    assertThat(AdminPath.of("logout-all").isRealmLogoutAll()).isTrue();
    assertThat(AdminPath.of("/logout-all").isRealmLogoutAll()).isTrue();
    assertThat(AdminPath.of("users/5ef9/logout").isRealmLogoutAll()).isFalse();
    assertThat(AdminPath.of("push-revocation").isRealmLogoutAll()).isFalse();
  }

  @Test
  void ignoresPathsBelowAUser() {
    assertThat(AdminPath.of("users/5ef9/groups/g1").isUser()).isFalse();
    assertThat(AdminPath.of("users/5ef9/reset-password").isUserLogout()).isFalse();
    assertThat(AdminPath.of("users").isUser()).isFalse();
  }

  @Test
  void namesTheUserWhoseGroupsOrganizationsOrRolesShrink() {
    assertThat(AdminPath.of("users/5ef9/groups/g1").userLosingRights(ResourceType.GROUP_MEMBERSHIP))
        .contains("5ef9");
    assertThat(
            AdminPath.of("users/5ef9/role-mappings/realm")
                .userLosingRights(ResourceType.REALM_ROLE_MAPPING))
        .contains("5ef9");
    assertThat(
            AdminPath.of("users/5ef9/role-mappings/clients/c1")
                .userLosingRights(ResourceType.CLIENT_ROLE_MAPPING))
        .contains("5ef9");
    assertThat(
            AdminPath.of("organizations/o1/members/5ef9")
                .userLosingRights(ResourceType.ORGANIZATION_MEMBERSHIP))
        .contains("5ef9");
  }

  @Test
  void readsTheUserAndGroupOfAGroupMembership() {
    assertThat(AdminPath.of("users/5ef9/groups/g1").groupMembership(ResourceType.GROUP_MEMBERSHIP))
        .contains(new GroupMembership("5ef9", "g1"));
    assertThat(AdminPath.of("/users/5ef9/groups/g1").groupMembership(ResourceType.GROUP_MEMBERSHIP))
        .contains(new GroupMembership("5ef9", "g1"));
  }

  @Test
  void seesNoGroupMembershipInOtherPathsOrResources() {
    assertThat(AdminPath.of("users/5ef9/groups/g1").groupMembership(ResourceType.GROUP)).isEmpty();
    assertThat(AdminPath.of("users/5ef9/groups").groupMembership(ResourceType.GROUP_MEMBERSHIP))
        .isEmpty();
    assertThat(AdminPath.of("groups/g1/members").groupMembership(ResourceType.GROUP_MEMBERSHIP))
        .isEmpty();
    assertThat(
            AdminPath.of("organizations/o1/members/5ef9")
                .groupMembership(ResourceType.ORGANIZATION_MEMBERSHIP))
        .isEmpty();
    assertThat(
            AdminPath.of("users/5ef9/role-mappings/realm")
                .groupMembership(ResourceType.REALM_ROLE_MAPPING))
        .isEmpty();
  }

  @Test
  void namesNobodyForDeletionsThatTakeNoRightsFromAUser() {
    assertThat(AdminPath.of("groups/g1").userLosingRights(ResourceType.GROUP)).isEmpty();
    assertThat(
            AdminPath.of("groups/g1/role-mappings/realm")
                .userLosingRights(ResourceType.REALM_ROLE_MAPPING))
        .isEmpty();
    assertThat(AdminPath.of("organizations/o1").userLosingRights(ResourceType.ORGANIZATION))
        .isEmpty();
    assertThat(AdminPath.of("users/5ef9").userLosingRights(ResourceType.USER)).isEmpty();
  }
}
