package io.airtix.tenants.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.keycloakclient.InvitationAcceptance;
import io.airtix.keycloakclient.LoginFailedException;
import io.airtix.keycloakclient.Tokens;
import io.airtix.tenants.TenantsIntegrationTest;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.mail.Mail;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The staff API of airline A used by A's tenant admin, and everybody else's answers: B's tenant
 * admin, an agent, a customer, a platform admin. Two airlines are shared by the tests that do not
 * count tenant admins; the tests of the last-tenant-admin rule create their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffIntegrationTests extends TenantsIntegrationTest {

  private static final String NEW_PASSWORD = "Invited-Passw0rd-2026!";

  private String platformAdminToken;
  private String a;
  private String b;
  private TestUser adminA;
  private String adminAToken;
  private String adminBToken;
  private TestUser memberB;

  @BeforeAll
  void twoAirlinesWithTheirTenantAdmins() throws Exception {
    platformAdminToken = token(platformAdmin());
    a = newAlias();
    b = newAlias();
    adminA = keycloak.createUser(TestUsers.customer());
    TestUser adminB = keycloak.createUser(TestUsers.customer());
    createAirline(platformAdminToken, a, adminA);
    createAirline(platformAdminToken, b, adminB);
    adminAToken = token(adminA);
    adminBToken = token(adminB);
    memberB = keycloak.createUser(TestUsers.customer());
    addStaff(b, adminBToken, memberB, "agent");
  }

  @Test
  void listsStaffWithTheirTenantRolesPaged() throws Exception {
    TestUser agent = keycloak.createUser(TestUsers.customer());
    addStaff(a, agent, "agent", "auditor");

    Reply all = send("GET", staffOf(a) + "?size=100", adminAToken, null);
    Reply firstOfOne = send("GET", staffOf(a) + "?page=0&size=1", adminAToken, null);

    assertThat(all.status()).isEqualTo(200);
    JsonNode agentEntry = entry(all.body().path("items"), agent.id());
    assertThat(texts(agentEntry.path("roles"), null)).containsExactly("agent", "auditor");
    assertThat(agentEntry.path("email").asString()).isEqualTo(agent.email());
    assertThat(agentEntry.path("enabled").asBoolean()).isTrue();
    assertThat(texts(entry(all.body().path("items"), adminA.id()).path("roles"), null))
        .containsExactly("tenant-admin");
    assertThat(texts(all.body().path("items"), "id")).doesNotContain(memberB.id());
    assertThat(firstOfOne.body().path("items").size()).isEqualTo(1);
    assertThat(firstOfOne.body().path("totalItems").asLong())
        .isEqualTo(all.body().path("items").size());
  }

  @Test
  void invitesAnExistingAccountWhoBecomesStaffOnlyByAcceptingIt() throws Exception {
    TestUser person = keycloak.createUser(TestUsers.customer());

    Reply invited = send("POST", staffOf(a), adminAToken, staff(person.email(), "agent"));
    Reply beforeAccepting = send("GET", staffOf(a) + "/" + person.id(), adminAToken, null);
    Reply open = send("GET", staffOf(a) + "/invitations", adminAToken, null);
    Set<String> groupsBeforeAccepting = groupsClaim(token(person));
    acceptInvitation(a, person);
    Reply again = send("POST", staffOf(a), adminAToken, staff(person.email(), "agent"));
    Reply otherRoles = send("POST", staffOf(a), adminAToken, staff(person.email(), "auditor"));

    assertThat(invited.status()).isEqualTo(202);
    assertThat(invited.body().path("email").asString()).isEqualTo(person.email());
    assertThat(invited.body().has("inviteLink")).isFalse();
    assertThat(invited.body().toString()).doesNotContain("action-token");
    assertThat(beforeAccepting.status()).isEqualTo(404);
    assertThat(texts(open.body(), "email")).contains(person.email());
    assertThat(groupsBeforeAccepting).isEmpty();
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("id").asString()).isEqualTo(person.id());
    assertThat(otherRoles.status()).isEqualTo(409);
    assertThat(otherRoles.code()).isEqualTo("ALREADY_STAFF");
    assertThat(groupsClaim(token(person))).containsExactly("/airlines/" + a + "/agent");
  }

  @Test
  void aPlatformAdminInvitedAsStaffStaysOutsideTheAirlineUnlessTheyAccept() throws Exception {
    TestUser otherPlatformAdmin = platformAdmin();

    Reply invited =
        send("POST", staffOf(a), adminAToken, staff(otherPlatformAdmin.email(), "auditor"));
    Reply member = send("GET", staffOf(a) + "/" + otherPlatformAdmin.id(), adminAToken, null);
    Reply disable =
        send("POST", staffOf(a) + "/" + otherPlatformAdmin.id() + "/disable", adminAToken, null);

    assertThat(invited.status()).isEqualTo(202);
    assertThat(member.status()).isEqualTo(404);
    assertThat(disable.status()).isEqualTo(404);
    assertThat(accountEnabled(otherPlatformAdmin)).isTrue();
  }

  @Test
  void invitesUnknownAddressByMailAndGrantsTheRolesWhenThePersonJoins() throws Exception {
    String email = "invited-" + a + "-" + System.nanoTime() + "@example.org";

    Reply invited = send("POST", staffOf(a), adminAToken, staff(email, "auditor"));
    Reply open = send("GET", staffOf(a) + "/invitations", adminAToken, null);
    Mail invitation = keycloak.mailServer().awaitMailTo(email);
    InvitationAcceptance.register(
        invitationLink(invitation),
        email,
        email,
        "Ivy",
        "Invited",
        NEW_PASSWORD,
        () -> verificationLink(email));
    Reply staffAfterwards = send("GET", staffOf(a) + "?size=100", adminAToken, null);
    Reply openAfterwards = send("GET", staffOf(a) + "/invitations", adminAToken, null);

    assertThat(invited.status()).isEqualTo(202);
    assertThat(invited.header("Location"))
        .contains(staffOf(a) + "/invitations/" + invited.body().path("id").asString());
    assertThat(invited.body().path("email").asString()).isEqualTo(email);
    assertThat(texts(invited.body().path("roles"), null)).containsExactly("auditor");
    assertThat(open.status()).isEqualTo(200);
    assertThat(texts(open.body(), "email")).contains(email);
    JsonNode member = entry(staffAfterwards.body().path("items"), "email", email);
    assertThat(texts(member.path("roles"), null)).containsExactly("auditor");
    assertThat(texts(openAfterwards.body(), "email")).doesNotContain(email);
    TestUser joined = new TestUser(member.path("id").asString(), email, email, NEW_PASSWORD);
    assertThat(groupsClaim(token(joined))).containsExactly("/airlines/" + a + "/auditor");
  }

  @Test
  void revokedInvitationIsGoneAndItsLinkNoLongerWorks() throws Exception {
    String email = "revoked-" + a + "-" + System.nanoTime() + "@example.org";
    Reply invited = send("POST", staffOf(a), adminAToken, staff(email, "agent"));
    Mail invitation = keycloak.mailServer().awaitMailTo(email);
    String path = staffOf(a) + "/invitations/" + invited.body().path("id").asString();

    Reply byTenantAdminOfB =
        send("DELETE", path.replace(staffOf(a), staffOf(b)), adminBToken, null);
    Reply revoked = send("DELETE", path, adminAToken, null);
    Reply again = send("DELETE", path, adminAToken, null);
    Reply open = send("GET", staffOf(a) + "/invitations", adminAToken, null);

    assertThat(byTenantAdminOfB.status()).isEqualTo(404);
    assertThat(revoked.status()).isEqualTo(204);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.code()).isEqualTo("INVITATION_NOT_FOUND");
    assertThat(texts(open.body(), "email")).doesNotContain(email);
    assertThatThrownBy(
            () ->
                InvitationAcceptance.register(
                    invitationLink(invitation),
                    email,
                    email,
                    "Rex",
                    "Revoked",
                    NEW_PASSWORD,
                    () -> verificationLink(email)))
        .isInstanceOf(LoginFailedException.class);
  }

  @Test
  void rejectsInvalidEmailAndUnknownRoleWith400FieldErrors() throws Exception {
    Reply reply = send("POST", staffOf(a), adminAToken, staff("not-an-email", "agent", "pilot"));
    Reply noRoles = send("PUT", staffOf(a) + "/" + adminA.id() + "/roles", adminAToken, roles());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("type").asString())
        .isEqualTo("https://airtix.io/problems/validation");
    assertThat(texts(reply.body().path("errors"), "field"))
        .hasSize(2)
        .contains("email")
        .anySatisfy(field -> assertThat(field).startsWith("roles"));
    assertThat(texts(reply.body().path("errors"), "message"))
        .contains("must be one of tenant-admin, agent, auditor");
    assertThat(noRoles.status()).isEqualTo(400);
  }

  @Test
  void replacesTenantRolesAndTheNextTokenCarriesThem() throws Exception {
    TestUser person = keycloak.createUser(TestUsers.customer());
    addStaff(a, person, "agent");

    Reply replaced =
        send(
            "PUT",
            staffOf(a) + "/" + person.id() + "/roles",
            adminAToken,
            roles("auditor", "tenant-admin"));

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(texts(replaced.body().path("roles"), null))
        .containsExactly("auditor", "tenant-admin");
    assertThat(groupsClaim(token(person)))
        .containsExactlyInAnyOrder(
            "/airlines/" + a + "/auditor", "/airlines/" + a + "/tenant-admin");
  }

  @Test
  void refusesToDemoteRemoveOrDisableTheLastTenantAdminWith409() throws Exception {
    TestUser onlyAdmin = keycloak.createUser(TestUsers.customer());
    String alias = newAlias();
    createAirline(platformAdminToken, alias, onlyAdmin);
    String adminToken = token(onlyAdmin);
    String self = staffOf(alias) + "/" + onlyAdmin.id();

    Reply demote = send("PUT", self + "/roles", adminToken, roles("agent"));
    Reply remove = send("DELETE", self, adminToken, null);
    Reply disable = send("POST", self + "/disable", adminToken, null);

    assertThat(demote.status()).isEqualTo(409);
    assertThat(demote.code()).isEqualTo("LAST_TENANT_ADMIN");
    assertThat(remove.status()).isEqualTo(409);
    assertThat(disable.status()).isEqualTo(409);

    TestUser second = keycloak.createUser(TestUsers.customer());
    addStaff(alias, adminToken, second, "tenant-admin");
    assertThat(send("PUT", self + "/roles", adminToken, roles("agent")).status()).isEqualTo(200);
  }

  @Test
  void disablesMemberSoTheyCannotLogInAndEnablesThemAgain() throws Exception {
    TestUser person = keycloak.createUser(TestUsers.customer());
    addStaff(a, person, "agent");
    Tokens before = keycloak.login(person);

    Reply disabled = send("POST", staffOf(a) + "/" + person.id() + "/disable", adminAToken, null);

    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.body().path("enabled").asBoolean()).isFalse();
    assertThatThrownBy(() -> keycloak.login(person)).isInstanceOf(LoginFailedException.class);
    assertThatThrownBy(() -> keycloak.refresh(before)).isInstanceOf(LoginFailedException.class);

    Reply enabled = send("POST", staffOf(a) + "/" + person.id() + "/enable", adminAToken, null);

    assertThat(enabled.body().path("enabled").asBoolean()).isTrue();
    assertThat(keycloak.login(person).accessToken()).isNotBlank();
  }

  @Test
  void suspendsAMemberWhoseOldTokensStopWithinTwoSecondsAndReinstatesThemWithNewRoles()
      throws Exception {
    TestUser person = keycloak.createUser(TestUsers.customer());
    addStaff(a, person, "agent");
    String agentToken = token(person);
    assertThat(send("GET", "/api/airlines/" + a, agentToken, null).status()).isEqualTo(200);

    Reply suspended = send("POST", staffOf(a) + "/" + person.id() + "/suspend", adminAToken, null);

    assertThat(suspended.status()).isEqualTo(200);
    assertThat(suspended.body().path("suspended").asBoolean()).isTrue();
    assertThat(texts(suspended.body().path("roles"), null)).isEmpty();
    Awaitility.await("the suspended agent's token refused")
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> send("GET", "/api/airlines/" + a, agentToken, null).status() == 401);
    String afterSuspension = freshToken(person);
    assertThat(groupsClaim(afterSuspension)).containsExactly("/airlines/" + a + "/suspended");
    assertThat(send("GET", "/api/airlines/" + a, afterSuspension, null).status()).isEqualTo(403);
    assertThat(
            send("GET", staffOf(a) + "/" + person.id(), adminAToken, null)
                .body()
                .path("suspended")
                .asBoolean())
        .isTrue();
    assertThat(accountEnabled(person)).isTrue();

    Reply reinstated =
        send("PUT", staffOf(a) + "/" + person.id() + "/roles", adminAToken, roles("auditor"));

    assertThat(reinstated.body().path("suspended").asBoolean()).isFalse();
    assertThat(texts(reinstated.body().path("roles"), null)).containsExactly("auditor");
    assertThat(groupsClaim(freshToken(person))).containsExactly("/airlines/" + a + "/auditor");
  }

  @Test
  void refusesAccountWideActionsOnStaffWhoseAccountServesMoreThanTheAirline() throws Exception {
    TestUser twoAirlines = keycloak.createUser(TestUsers.customer());
    addStaff(a, twoAirlines, "agent");
    addStaff(b, adminBToken, twoAirlines, "agent");
    TestUser platformStaff = platformAdmin();
    addStaff(a, platformStaff, "auditor");

    for (TestUser person : List.of(twoAirlines, platformStaff)) {
      String path = staffOf(a) + "/" + person.id();
      Reply disable = send("POST", path + "/disable", adminAToken, null);
      Reply enable = send("POST", path + "/enable", adminAToken, null);
      Reply sessions = send("GET", path + "/sessions", adminAToken, null);
      Reply endSessions = send("DELETE", path + "/sessions", adminAToken, null);
      Reply endOne = send("DELETE", path + "/sessions/any-session", adminAToken, null);

      for (Reply reply : List.of(disable, enable, sessions, endSessions, endOne)) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("ACCOUNT_BEYOND_AIRLINE");
      }
      assertThat(accountEnabled(person)).isTrue();
      assertThat(keycloak.login(person).accessToken()).isNotBlank();
    }
    // their standing in the airline is still the airline's business
    assertThat(
            send("POST", staffOf(a) + "/" + twoAirlines.id() + "/suspend", adminAToken, null)
                .status())
        .isEqualTo(200);
    assertThat(groupsClaim(freshToken(twoAirlines)))
        .containsExactlyInAnyOrder("/airlines/" + a + "/suspended", "/airlines/" + b + "/agent");
  }

  @Test
  void listsSessionsAndEndsOneOrAll() throws Exception {
    TestUser person = keycloak.createUser(TestUsers.customer());
    addStaff(a, person, "agent");
    Tokens first = keycloak.login(person);
    Tokens second = keycloak.login(person);
    String sessions = staffOf(a) + "/" + person.id() + "/sessions";

    Reply listed = send("GET", sessions, adminAToken, null);

    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body().size()).isEqualTo(2);
    assertThat(texts(listed.body().get(0).path("clients"), null))
        .containsExactly(KeycloakServer.WEB_CLIENT);
    String firstSession = KeycloakServer.claims(first.accessToken()).path("sid").asText();
    assertThat(texts(listed.body(), "id")).contains(firstSession);

    assertThat(send("DELETE", sessions + "/" + firstSession, adminAToken, null).status())
        .isEqualTo(204);
    assertThatThrownBy(() -> keycloak.refresh(first)).isInstanceOf(LoginFailedException.class);
    assertThat(send("GET", sessions, adminAToken, null).body().size()).isEqualTo(1);
    assertThat(send("DELETE", sessions + "/" + firstSession, adminAToken, null).status())
        .isEqualTo(404);

    assertThat(send("DELETE", sessions, adminAToken, null).status()).isEqualTo(204);
    assertThatThrownBy(() -> keycloak.refresh(second)).isInstanceOf(LoginFailedException.class);
    assertThat(send("GET", sessions, adminAToken, null).body().size()).isZero();
  }

  @Test
  void removesMemberFromTheAirlineButKeepsTheAccount() throws Exception {
    TestUser person = keycloak.createUser(TestUsers.customer());
    addStaff(a, person, "agent", "auditor");
    String path = staffOf(a) + "/" + person.id();

    Reply removed = send("DELETE", path, adminAToken, null);

    assertThat(removed.status()).isEqualTo(204);
    assertThat(send("GET", path, adminAToken, null).status()).isEqualTo(404);
    assertThat(groupsClaim(token(person))).isEmpty();
    assertThat(accountEnabled(person)).isTrue();
  }

  @Test
  void hidesMembersOfAnotherAirlineBehindTheOwnAirlinesUrlWith404() throws Exception {
    String foreign = staffOf(a) + "/" + memberB.id();

    Reply read = send("GET", foreign, adminAToken, null);
    Reply roles = send("PUT", foreign + "/roles", adminAToken, roles("agent"));
    Reply disable = send("POST", foreign + "/disable", adminAToken, null);
    Reply sessions = send("GET", foreign + "/sessions", adminAToken, null);
    Reply remove = send("DELETE", foreign, adminAToken, null);

    for (Reply reply : new Reply[] {read, roles, disable, sessions, remove}) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.code()).isEqualTo("STAFF_NOT_FOUND");
    }
    assertThat(send("GET", staffOf(a) + "/no-such-person", adminAToken, null).code())
        .isEqualTo("STAFF_NOT_FOUND");
    assertThat(groupsClaim(token(memberB))).containsExactly("/airlines/" + b + "/agent");
  }

  @Test
  void answersCallersWithoutTheRightInThatAirlineWith404OrWith403WhenTheyHaveItNowhere()
      throws Exception {
    TestUser agent = keycloak.createUser(TestUsers.customer());
    addStaff(a, agent, "agent");
    String customerToken = token(keycloak.createUser(TestUsers.customer()));

    Reply otherAirlinesAdmin = send("GET", staffOf(a), adminBToken, null);
    Reply otherAirlinesAdminAdds =
        send("POST", staffOf(a), adminBToken, staff(memberB.email(), "agent"));
    Reply unknownAirline = send("GET", staffOf(newAlias()), adminAToken, null);
    Reply agentOfTheAirline = send("GET", staffOf(a), token(agent), null);
    Reply customer = send("GET", staffOf(a), customerToken, null);
    Reply platformAdmin = send("GET", staffOf(a), platformAdminToken, null);
    Reply anonymous = send("GET", staffOf(a), null, null);

    assertThat(otherAirlinesAdmin.status()).isEqualTo(404);
    assertThat(otherAirlinesAdmin.code()).isEqualTo("AIRLINE_NOT_FOUND");
    assertThat(otherAirlinesAdminAdds.status()).isEqualTo(404);
    assertThat(unknownAirline.status()).isEqualTo(404);
    assertThat(unknownAirline.code()).isEqualTo("AIRLINE_NOT_FOUND");
    assertThat(agentOfTheAirline.status()).isEqualTo(403);
    assertThat(customer.status()).isEqualTo(403);
    assertThat(platformAdmin.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  /** The link of the address verification Keycloak mails after the registration. */
  private static URI verificationLink(String email) {
    return keycloak
        .mailServer()
        .awaitMailTo(email, Mail.withSubjectContaining("Verify"))
        .link("action-token");
  }

  private static boolean accountEnabled(TestUser person) {
    return keycloak
        .airtixRealm()
        .resource()
        .users()
        .get(person.id())
        .toRepresentation()
        .isEnabled();
  }

  private static String staffOf(String alias) {
    return "/api/airlines/" + alias + "/staff";
  }

  private void addStaff(String alias, TestUser person, String... tenantRoles) throws Exception {
    addStaff(alias, adminAToken, person, tenantRoles);
  }

  private static JsonNode entry(JsonNode items, String id) {
    return entry(items, "id", id);
  }

  private static JsonNode entry(JsonNode items, String field, String value) {
    for (JsonNode item : items) {
      if (value.equals(item.path(field).asString())) {
        return item;
      }
    }
    throw new AssertionError("no staff member with " + field + " " + value + " in " + items);
  }
}
