package io.airtix.tenants.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.tenants.TenantsIntegrationTest;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What a tenant admin's own console token cannot do through Keycloak's admin REST API, whoever the
 * person is: their airline's staff alone, staff of two airlines, a platform admin on their staff,
 * another airline's staff, or a customer who is nobody's staff. The console shows staff and moves
 * them between the airline's groups; editing an account, its credentials and sessions is never a
 * tenant admin's there (decision 0024).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantAdminConsoleReachIntegrationTests extends TenantsIntegrationTest {

  private String a;
  private String adminAToken;
  private String consoleToken;
  private final Map<String, TestUser> targets = new LinkedHashMap<>();

  @BeforeAll
  void airlinesAndThePeopleATenantAdminMightReach() throws Exception {
    String platformAdminToken = token(platformAdmin());
    a = newAlias();
    String b = newAlias();
    TestUser adminA = keycloak.createUser(TestUsers.customer());
    TestUser adminB = keycloak.createUser(TestUsers.customer());
    createAirline(platformAdminToken, a, adminA);
    createAirline(platformAdminToken, b, adminB);
    adminAToken = token(adminA);
    String adminBToken = token(adminB);
    TestUser soleStaff = keycloak.createUser(TestUsers.customer());
    addStaff(a, adminAToken, soleStaff, "agent");
    TestUser staffOfBoth = keycloak.createUser(TestUsers.customer());
    addStaff(a, adminAToken, staffOfBoth, "agent");
    addStaff(b, adminBToken, staffOfBoth, "agent");
    TestUser platformStaff = platformAdmin();
    addStaff(a, adminAToken, platformStaff, "auditor");
    TestUser foreignStaff = keycloak.createUser(TestUsers.customer());
    addStaff(b, adminBToken, foreignStaff, "agent");
    targets.put("the airline's staff alone", soleStaff);
    targets.put("staff of two airlines", staffOfBoth);
    targets.put("a platform admin on the staff", platformStaff);
    targets.put("another airline's staff", foreignStaff);
    targets.put("a customer who is nobody's staff", keycloak.createUser(TestUsers.customer()));
    consoleToken = consoleToken(adminA);
  }

  @Test
  void refusesEveryAccountWideActionOnEveryone() throws Exception {
    for (Map.Entry<String, TestUser> target : targets.entrySet()) {
      TestUser person = target.getValue();
      String user = "/users/" + person.id();
      String passwordId = passwordCredentialId(person);

      List<Reply> replies =
          List.of(
              admin("PUT", user, disabledAndRenamed(person)),
              admin(
                  "PUT",
                  user + "/reset-password",
                  """
                  {"type":"password","value":"Taken-0ver-Passw0rd!","temporary":false}"""),
              admin("PUT", user + "/execute-actions-email", "[\"UPDATE_PASSWORD\"]"),
              admin("POST", user + "/logout", null),
              admin("POST", user + "/impersonation", null),
              admin("DELETE", user + "/credentials/" + passwordId, null));

      for (Reply reply : replies) {
        assertThat(reply.status())
            .as(
                "%s: %s %s",
                target.getKey(), reply.response().request().method(), reply.response().uri())
            .isEqualTo(403);
      }
      UserRepresentation after = account(person).toRepresentation();
      assertThat(after.isEnabled()).as(target.getKey()).isTrue();
      assertThat(after.getLastName()).as(target.getKey()).isNotEqualTo("Taken-Over");
      assertThat(passwordCredentialId(person)).as(target.getKey()).isEqualTo(passwordId);
      assertThat(keycloak.login(person).accessToken()).as(target.getKey()).isNotBlank();
    }
  }

  /**
   * Keycloak's {@code view-members} shows a member's sessions with the rest of the account, so the
   * console shows them for the airline's own staff, whoever else they serve (decision 0024); nobody
   * else's.
   */
  @Test
  void showsSessionsOfTheAirlinesStaffOnly() throws Exception {
    for (String outside : List.of("another airline's staff", "a customer who is nobody's staff")) {
      Reply sessions = admin("GET", "/users/" + targets.get(outside).id() + "/sessions", null);

      assertThat(sessions.status()).as(outside).isEqualTo(403);
    }
    assertThat(
            admin(
                    "GET",
                    "/users/" + targets.get("the airline's staff alone").id() + "/sessions",
                    null)
                .status())
        .isEqualTo(200);
  }

  /**
   * Whoever holds an invitation's link can accept it for the invited account: in the console, a
   * tenant admin sees the airline's open invitations, never their links.
   */
  @Test
  void neverShowsTheLinksOfOpenInvitations() throws Exception {
    TestUser invited = keycloak.createUser(TestUsers.customer());
    Reply invitation =
        send("POST", "/api/airlines/" + a + "/staff", adminAToken, staff(invited.email(), "agent"));
    String organization = organizationId(a);

    Reply list = admin("GET", "/organizations/" + organization + "/invitations", null);
    Reply one =
        admin(
            "GET",
            "/organizations/"
                + organization
                + "/invitations/"
                + invitation.body().path("id").asString(),
            null);

    assertThat(invitation.status()).isEqualTo(202);
    for (Reply reply : List.of(list, one)) {
      assertThat(reply.status()).isIn(200, 403, 404);
      assertThat(reply.response().body()).doesNotContain("action-token");
      assertThat(reply.body().findValuesAsString("inviteLink"))
          .allSatisfy(link -> assertThat(link).isBlank());
    }
  }

  private Reply admin(String method, String path, String body) throws Exception {
    return adminApi(method, path, consoleToken, body);
  }

  private static UserResource account(TestUser person) {
    return keycloak.airtixRealm().resource().users().get(person.id());
  }

  private static String passwordCredentialId(TestUser person) {
    return account(person).credentials().stream()
        .filter(credential -> CredentialRepresentation.PASSWORD.equals(credential.getType()))
        .map(CredentialRepresentation::getId)
        .findFirst()
        .orElseThrow();
  }

  private static String disabledAndRenamed(TestUser person) {
    UserRepresentation user = account(person).toRepresentation();
    return """
        {"id":"%s","username":"%s","email":"%s","firstName":"%s","lastName":"Taken-Over","enabled":false}"""
        .formatted(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName());
  }
}
