package io.airtix.tenants.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.tenants.TenantsIntegrationTest;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * The admin console path: a tenant admin logs in to Keycloak's own {@code security-admin-console}
 * client and calls the admin REST API the console calls. The fine-grained permissions the tenants
 * service created with the airline must show them their airline's staff and nobody else, and let
 * them manage exactly those people.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantAdminConsoleIntegrationTests extends TenantsIntegrationTest {

  private String a;
  private String b;
  private TestUser adminA;
  private TestUser agentA;
  private TestUser agentB;
  private TestUser colleague;
  private TestUser outsider;
  private String consoleToken;

  @BeforeAll
  void twoAirlinesThroughTheApi() throws Exception {
    String platformAdminToken = token(platformAdmin());
    a = newAlias();
    b = newAlias();
    adminA = keycloak.createUser(TestUsers.customer());
    TestUser adminB = keycloak.createUser(TestUsers.customer());
    createAirline(platformAdminToken, a, adminA);
    createAirline(platformAdminToken, b, adminB);
    agentA = keycloak.createUser(TestUsers.customer());
    agentB = keycloak.createUser(TestUsers.customer());
    colleague = keycloak.createUser(TestUsers.customer());
    outsider = keycloak.createUser(TestUsers.customer());
    addStaff(a, token(adminA), agentA, "agent");
    addStaff(a, token(adminA), colleague, "auditor");
    addStaff(b, token(adminB), agentB, "agent");
    consoleToken = consoleToken(adminA);
  }

  @Test
  void givesTenantAdminsQueryRolesOnlyNeverLegacyViewOrManageRoles() {
    // the console's tokens are lightweight (no role claims): Keycloak reads the roles itself, so
    // ask it
    RealmResource realm = keycloak.airtixRealm().resource();
    String realmManagement = keycloak.airtixRealm().clientUuid("realm-management");

    assertThat(realm.users().get(adminA.id()).roles().clientLevel(realmManagement).listEffective())
        .extracting(RoleRepresentation::getName)
        .containsExactlyInAnyOrder("query-users", "query-groups", "query-organizations");
    assertThat(realm.users().get(agentA.id()).roles().clientLevel(realmManagement).listEffective())
        .isEmpty();
    assertThat(KeycloakServer.claims(consoleToken).path("azp").asText())
        .isEqualTo(TenantsIntegrationTest.CONSOLE_CLIENT);
  }

  @Test
  void listsAndCountsOnlyTheOwnAirlinesStaff() throws Exception {
    Reply users = admin("GET", "/users?max=1000", null);
    Reply count = admin("GET", "/users/count", null);
    Reply search = admin("GET", "/users?search=" + agentB.username(), null);

    assertThat(users.status()).isEqualTo(200);
    assertThat(texts(users.body(), "id"))
        .containsExactlyInAnyOrder(adminA.id(), agentA.id(), colleague.id());
    assertThat(count.body().asInt()).isEqualTo(3);
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.body().size()).isZero();
  }

  @Test
  void opensOwnStaffAndIsForbiddenEveryoneElse() throws Exception {
    assertThat(admin("GET", "/users/" + agentA.id(), null).status()).isEqualTo(200);
    assertThat(admin("GET", "/users/" + adminA.id(), null).status()).isEqualTo(200);
    assertThat(admin("GET", "/users/" + agentB.id(), null).status()).isEqualTo(403);
    assertThat(admin("GET", "/users/" + outsider.id(), null).status()).isEqualTo(403);
  }

  @Test
  void seesOnlyTheOwnOrganizationAndItsMembers() throws Exception {
    String organizationA = organizationId(a);
    String organizationB = organizationId(b);

    Reply organizations = admin("GET", "/organizations", null);
    Reply membersA = admin("GET", "/organizations/" + organizationA + "/members", null);
    Reply membersB = admin("GET", "/organizations/" + organizationB + "/members", null);

    assertThat(texts(organizations.body(), "alias")).containsExactly(a);
    assertThat(texts(membersA.body(), "id"))
        .containsExactlyInAnyOrder(adminA.id(), agentA.id(), colleague.id());
    assertThat(membersB.status()).isEqualTo(403);
  }

  @Test
  void hidesOrganizationMembersWithoutTenantRoleAndLeavesTheOrganizationItselfAlone()
      throws Exception {
    String organizationA = organizationId(a);
    // joined the organization in Keycloak, but holds no role group of the airline
    try (var response =
        keycloak
            .airtixRealm()
            .resource()
            .organizations()
            .get(organizationA)
            .members()
            .addMember(outsider.id())) {
      assertThat(response.getStatus()).isEqualTo(201);
    }

    Reply members = admin("GET", "/organizations/" + organizationA + "/members", null);
    Reply count = admin("GET", "/organizations/" + organizationA + "/members/count", null);
    Reply rename =
        admin(
            "PUT",
            "/organizations/" + organizationA,
            """
        {"name":"Renamed","alias":"%s","enabled":true,"domains":[{"name":"evil.example"}]}"""
                .formatted(a));
    Reply removeOwnMember =
        admin("DELETE", "/organizations/" + organizationA + "/members/" + agentA.id(), null);

    assertThat(texts(members.body(), "id"))
        .containsExactlyInAnyOrder(adminA.id(), agentA.id(), colleague.id());
    assertThat(count.body().asInt()).isEqualTo(3);
    assertThat(rename.status()).isEqualTo(403);
    assertThat(removeOwnMember.status()).isEqualTo(403);
    assertThat(
            keycloak
                .airtixRealm()
                .resource()
                .organizations()
                .get(organizationA)
                .toRepresentation()
                .getName())
        .isEqualTo("Airline " + a);
  }

  @Test
  void movesOwnStaffBetweenTheAirlinesGroupsAndNobodyElse() throws Exception {
    String agentGroupOfA =
        keycloak.airtixRealm().resource().getGroupByPath("/airlines/" + a + "/agent").getId();

    Reply grantOwn = admin("PUT", "/users/" + colleague.id() + "/groups/" + agentGroupOfA, null);
    Reply pullInForeign = admin("PUT", "/users/" + agentB.id() + "/groups/" + agentGroupOfA, null);
    Reply pullInOutsider =
        admin("PUT", "/users/" + outsider.id() + "/groups/" + agentGroupOfA, null);
    Reply removeForeignMember =
        admin("DELETE", "/organizations/" + organizationId(b) + "/members/" + agentB.id(), null);

    assertThat(grantOwn.status()).isEqualTo(204);
    assertThat(pullInForeign.status()).isEqualTo(403);
    assertThat(pullInOutsider.status()).isEqualTo(403);
    assertThat(removeForeignMember.status()).isEqualTo(403);
  }

  private Reply admin(String method, String path, String body) throws Exception {
    return adminApi(method, path, consoleToken, body);
  }
}
