package io.airtix.tenants.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.tenants.TenantsIntegrationTest;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The admin console path: a tenant admin logs in to Keycloak's own {@code security-admin-console}
 * client and calls the admin REST API the console calls. The fine-grained permissions the tenants
 * service created with the airline must show them their airline's staff and nobody else, and let
 * them manage exactly those people.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantAdminConsoleIntegrationTests extends TenantsIntegrationTest {

  private static final String CONSOLE_CLIENT = "security-admin-console";

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
    assertThat(
            send(
                    "POST",
                    "/api/airlines/" + a + "/staff",
                    token(adminA),
                    staff(agentA.email(), "agent"))
                .status())
        .isEqualTo(201);
    assertThat(
            send(
                    "POST",
                    "/api/airlines/" + a + "/staff",
                    token(adminA),
                    staff(colleague.email(), "auditor"))
                .status())
        .isEqualTo(201);
    assertThat(
            send(
                    "POST",
                    "/api/airlines/" + b + "/staff",
                    token(adminB),
                    staff(agentB.email(), "agent"))
                .status())
        .isEqualTo(201);
    // the console's own client and redirect URI (relative in the realm: /admin/airtix/console/*)
    consoleToken =
        BrowserlessLogin.login(
                keycloak.baseUrl(),
                KeycloakServer.REALM,
                CONSOLE_CLIENT,
                URI.create(keycloak.baseUrl() + "/admin/airtix/console/"),
                adminA.username(),
                adminA.password(),
                adminA.authenticator())
            .accessToken();
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
    assertThat(KeycloakServer.claims(consoleToken).path("azp").asText()).isEqualTo(CONSOLE_CLIENT);
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
  void managesOwnStaffButNobodyElse() throws Exception {
    String agentGroupOfA =
        keycloak.airtixRealm().resource().getGroupByPath("/airlines/" + a + "/agent").getId();

    Reply disableOwn = admin("PUT", "/users/" + colleague.id(), disabled(colleague));
    Reply disableForeign = admin("PUT", "/users/" + agentB.id(), disabled(agentB));
    Reply logoutOwn = admin("POST", "/users/" + colleague.id() + "/logout", null);
    Reply logoutForeign = admin("POST", "/users/" + agentB.id() + "/logout", null);
    Reply grantOwn = admin("PUT", "/users/" + colleague.id() + "/groups/" + agentGroupOfA, null);
    Reply pullInForeign = admin("PUT", "/users/" + agentB.id() + "/groups/" + agentGroupOfA, null);
    Reply pullInOutsider =
        admin("PUT", "/users/" + outsider.id() + "/groups/" + agentGroupOfA, null);
    Reply removeForeignMember =
        admin("DELETE", "/organizations/" + organizationId(b) + "/members/" + agentB.id(), null);

    assertThat(disableOwn.status()).isEqualTo(204);
    assertThat(user(colleague.id()).isEnabled()).isFalse();
    assertThat(disableForeign.status()).isEqualTo(403);
    assertThat(user(agentB.id()).isEnabled()).isTrue();
    assertThat(logoutOwn.status()).isEqualTo(204);
    assertThat(logoutForeign.status()).isEqualTo(403);
    assertThat(grantOwn.status()).isEqualTo(204);
    assertThat(pullInForeign.status()).isEqualTo(403);
    assertThat(pullInOutsider.status()).isEqualTo(403);
    assertThat(removeForeignMember.status()).isEqualTo(403);
  }

  private Reply admin(String method, String path, String body) throws Exception {
    return send(
        URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path),
        method,
        consoleToken,
        body);
  }

  private static String disabled(TestUser person) {
    UserRepresentation user = user(person.id());
    return """
        {"id":"%s","username":"%s","email":"%s","firstName":"%s","lastName":"%s","enabled":false}"""
        .formatted(
            user.getId(),
            user.getUsername(),
            user.getEmail(),
            user.getFirstName(),
            user.getLastName());
  }

  private static UserRepresentation user(String id) {
    return keycloak.airtixRealm().resource().users().get(id).toRepresentation();
  }

  private static String organizationId(String alias) {
    return keycloak.airtixRealm().resource().organizations().getAll().stream()
        .filter(organization -> alias.equals(organization.getAlias()))
        .map(OrganizationRepresentation::getId)
        .findFirst()
        .orElseThrow();
  }
}
