package io.airtix.tenants.airlines;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.InvitationAcceptance;
import io.airtix.tenants.TenantsIntegrationTest;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.mail.Mail;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.AuthorizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.authorization.ScopePermissionRepresentation;

/** Creating and reading airlines over HTTP, with the effects checked in Keycloak itself. */
class AirlinesIntegrationTests extends TenantsIntegrationTest {

  private static String platformAdminToken;
  private static String customerToken;

  @BeforeAll
  static void logIn() {
    platformAdminToken = token(platformAdmin());
    customerToken = token(keycloak.createUser(TestUsers.customer()));
  }

  @Test
  void createsOrganizationGroupsConsolePermissionsAndInvitesTheFirstTenantAdminWith201()
      throws Exception {
    TestUser firstAdmin = keycloak.createUser(TestUsers.customer());
    String alias = newAlias();

    Reply reply =
        send(
            "POST",
            "/api/airlines",
            platformAdminToken,
            airline(alias, "Nordic Wings", firstAdmin.email()));

    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
    assertThat(reply.header("Location")).endsWith("/api/airlines/" + alias);
    assertThat(reply.body().path("alias").asString()).isEqualTo(alias);
    assertThat(reply.body().path("name").asString()).isEqualTo("Nordic Wings");
    OrganizationRepresentation organization = organizations(alias).get(0);
    assertThat(organization.getName()).isEqualTo("Nordic Wings");
    for (String role : AirtixRealm.TENANT_ROLES) {
      assertThat(realm().getGroupByPath(AirtixRealm.airlineGroupPath(alias, role)).getId())
          .isNotBlank();
    }
    assertThat(
            realm()
                .getGroupByPath(AirtixRealm.airlineGroupPath(alias, AirtixRealm.SUSPENDED_GROUP))
                .getId())
        .isNotBlank();
    // appointed, not yet staff: the account joins only by accepting the invitation
    assertThat(groupPaths(firstAdmin.id())).isEmpty();
    assertThat(realm().organizations().get(organization.getId()).members().count()).isZero();
    InvitationAcceptance.accept(
        invitationLink(
            keycloak
                .mailServer()
                .awaitMailTo(firstAdmin.email(), Mail.withSubjectContaining("Nordic Wings"))));
    assertThat(groupPaths(firstAdmin.id()))
        .containsExactly(AirtixRealm.airlineGroupPath(alias, "tenant-admin"));
    assertThat(
            realm()
                .organizations()
                .get(organization.getId())
                .members()
                .member(firstAdmin.id())
                .toRepresentation()
                .getId())
        .isEqualTo(firstAdmin.id());
    assertThat(permissions().policies().group().findByName("airline " + alias + ": tenant admins"))
        .isNotNull();
    ScopePermissionRepresentation staff =
        permissions().permissions().scope().findByName("airline " + alias + ": staff");
    assertThat(staff.getResourceType()).isEqualTo("Groups");
    assertThat(permissions().permissions().scope().findById(staff.getId()).scopes())
        .extracting(scope -> scope.getName())
        .containsExactlyInAnyOrder(
            "view", "view-members", "manage-membership", "manage-membership-of-members");
    ScopePermissionRepresentation ownOrganization =
        permissions().permissions().scope().findByName("airline " + alias + ": organization");
    assertThat(ownOrganization.getResourceType()).isEqualTo("Organizations");
    assertThat(permissions().permissions().scope().findById(ownOrganization.getId()).scopes())
        .extracting(scope -> scope.getName())
        .containsExactly("view");
    assertThat(groupsClaim(token(firstAdmin)))
        .contains(AirtixRealm.airlineGroupPath(alias, "tenant-admin"));
    // a tenant admin signs in with a second factor: the first login after the appointment set up
    // their app
    assertThat(firstAdmin.authenticator().key()).isPresent();
  }

  @Test
  void answersRepeatedCreationWith200AndCreatesNothingTwice() throws Exception {
    TestUser firstAdmin = keycloak.createUser(TestUsers.customer());
    String alias = newAlias();
    String request = airline(alias, "Twice Air", firstAdmin.email());
    assertThat(send("POST", "/api/airlines", platformAdminToken, request).status()).isEqualTo(201);

    Reply again = send("POST", "/api/airlines", platformAdminToken, request);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("alias").asString()).isEqualTo(alias);
    assertThat(organizations(alias)).hasSize(1);
    assertThat(realm().getGroupByPath("/airlines/" + alias).getSubGroupCount()).isEqualTo(4);
    assertThat(
            permissions()
                .permissions()
                .scope()
                .findAll(null, "airline " + alias + ":", null, 0, 100))
        .extracting(ScopePermissionRepresentation::getName)
        .containsExactlyInAnyOrder(
            "airline " + alias + ": staff", "airline " + alias + ": organization");
    assertThat(
            keycloak.mailServer().mailsTo(firstAdmin.email()).stream()
                .filter(Mail.withSubjectContaining("Twice Air"))
                .count())
        .as("invitations sent")
        .isEqualTo(1);
  }

  @Test
  void rejectsCreationThatConflictsWithExistingAirlineWith409() throws Exception {
    TestUser firstAdmin = keycloak.createUser(TestUsers.customer());
    String alias = newAlias();
    assertThat(
            send(
                    "POST",
                    "/api/airlines",
                    platformAdminToken,
                    airline(alias, "First", firstAdmin.email()))
                .status())
        .isEqualTo(201);

    Reply otherName =
        send(
            "POST",
            "/api/airlines",
            platformAdminToken,
            airline(alias, "Second", firstAdmin.email()));
    Reply otherAdmin =
        send(
            "POST",
            "/api/airlines",
            platformAdminToken,
            airline(alias, "First", "x" + firstAdmin.email()));

    assertThat(otherName.status()).isEqualTo(409);
    assertThat(otherName.code()).isEqualTo("AIRLINE_EXISTS");
    assertThat(otherName.body().path("type").asString())
        .isEqualTo("https://airtix.io/problems/airline-exists");
    assertThat(otherAdmin.status()).isEqualTo(409);
    assertThat(organizations(alias).get(0).getName()).isEqualTo("First");
  }

  @Test
  void finishesCreationThatStoppedHalfWayWhenRepeated() throws Exception {
    // what a crash right after the first step leaves behind: the organization, nothing else
    TestUser firstAdmin = keycloak.createUser(TestUsers.customer());
    String alias = newAlias();
    OrganizationRepresentation organization = new OrganizationRepresentation();
    organization.setAlias(alias);
    organization.setName("Half Made");
    organization.setEnabled(true);
    organization.setAttributes(Map.of("airtix.firstTenantAdmin", List.of(firstAdmin.email())));
    OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
    domain.setName(alias + AirtixRealm.AIRLINE_DOMAIN_SUFFIX);
    organization.addDomain(domain);
    try (Response response = realm().organizations().create(organization)) {
      assertThat(response.getStatus()).isEqualTo(201);
    }

    Reply reply =
        send(
            "POST",
            "/api/airlines",
            platformAdminToken,
            airline(alias, "Half Made", firstAdmin.email()));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(organizations(alias)).hasSize(1);
    InvitationAcceptance.accept(
        invitationLink(
            keycloak
                .mailServer()
                .awaitMailTo(firstAdmin.email(), Mail.withSubjectContaining("Half Made"))));
    assertThat(groupPaths(firstAdmin.id()))
        .containsExactly(AirtixRealm.airlineGroupPath(alias, "tenant-admin"));
    assertThat(permissions().permissions().scope().findByName("airline " + alias + ": staff"))
        .isNotNull();
    assertThat(
            send(
                    "POST",
                    "/api/airlines",
                    platformAdminToken,
                    airline(alias, "Half Made", firstAdmin.email()))
                .status())
        .isEqualTo(200);
  }

  @Test
  void invitesFirstTenantAdminWithoutAccountWhoBecomesTenantAdminOnJoining() throws Exception {
    String alias = newAlias();
    String email = "first-admin-" + alias + "@example.org";

    Reply reply =
        send("POST", "/api/airlines", platformAdminToken, airline(alias, "Invite Air", email));
    Mail invitation = keycloak.mailServer().awaitMailTo(email);
    boolean accountBeforeJoining = !realm().users().searchByEmail(email, true).isEmpty();
    InvitationAcceptance.register(
        invitationLink(invitation),
        email,
        email,
        "Fran",
        "First",
        "First-Admin-Passw0rd!",
        () ->
            keycloak
                .mailServer()
                .awaitMailTo(email, Mail.withSubjectContaining("Verify"))
                .link("action-token"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(accountBeforeJoining).isFalse();
    UserRepresentation joined = realm().users().searchByEmail(email, true).get(0);
    assertThat(groupPaths(joined.getId()))
        .containsExactly(AirtixRealm.airlineGroupPath(alias, "tenant-admin"));
    assertThat(realm().organizations().members().getOrganizations(joined.getId()))
        .extracting(OrganizationRepresentation::getAlias)
        .containsExactly(alias);
  }

  @Test
  void rejectsCreationByAnyoneButPlatformAdminsWith403() throws Exception {
    TestUser tenantAdmin = keycloak.createUser(TestUsers.customer());
    createAirline(platformAdminToken, newAlias(), tenantAdmin);
    String body = airline(newAlias(), "Rogue Air", tenantAdmin.email());

    Reply byCustomer = send("POST", "/api/airlines", customerToken, body);
    Reply byTenantAdmin = send("POST", "/api/airlines", token(tenantAdmin), body);
    Reply anonymous = send("POST", "/api/airlines", null, body);

    assertThat(byCustomer.status()).isEqualTo(403);
    assertThat(byCustomer.code()).isEqualTo("FORBIDDEN");
    assertThat(byTenantAdmin.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void rejectsInvalidAliasNameAndEmailWith400FieldErrors() throws Exception {
    Reply reply =
        send("POST", "/api/airlines", platformAdminToken, airline("Bad_Alias", "", "not-an-email"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("type").asString())
        .isEqualTo("https://airtix.io/problems/validation");
    assertThat(texts(reply.body().path("errors"), "field"))
        .containsExactlyInAnyOrder("alias", "name", "firstTenantAdminEmail");
  }

  @Test
  void showsAirlineToPlatformAdminsAndItsOwnStaffOnly() throws Exception {
    TestUser adminA = keycloak.createUser(TestUsers.customer());
    TestUser adminB = keycloak.createUser(TestUsers.customer());
    String a = newAlias();
    String b = newAlias();
    createAirline(platformAdminToken, a, adminA);
    createAirline(platformAdminToken, b, adminB);
    String adminAToken = token(adminA);

    assertThat(
            send("GET", "/api/airlines/" + a, platformAdminToken, null)
                .body()
                .path("alias")
                .asString())
        .isEqualTo(a);
    assertThat(send("GET", "/api/airlines/" + a, adminAToken, null).status()).isEqualTo(200);
    Reply foreign = send("GET", "/api/airlines/" + b, adminAToken, null);
    Reply unknown = send("GET", "/api/airlines/" + newAlias(), adminAToken, null);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.code()).isEqualTo("AIRLINE_NOT_FOUND");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo(foreign.code());
    assertThat(send("GET", "/api/airlines/" + newAlias(), platformAdminToken, null).status())
        .isEqualTo(404);
    assertThat(send("GET", "/api/airlines/" + a, customerToken, null).status()).isEqualTo(403);
  }

  @Test
  void findsAirlineWhoseDomainARealmAdminChanged() throws Exception {
    String alias = newAlias();
    createAirline(platformAdminToken, alias, keycloak.createUser(TestUsers.customer()));
    OrganizationRepresentation organization =
        realm().organizations().get(organizations(alias).get(0).getId()).toRepresentation();
    OrganizationDomainRepresentation other = new OrganizationDomainRepresentation();
    other.setName(alias + ".example.org");
    organization.getDomains().clear();
    organization.addDomain(other);
    try (Response response =
        realm().organizations().get(organization.getId()).update(organization)) {
      assertThat(response.getStatus()).isEqualTo(204);
    }

    Reply reply = send("GET", "/api/airlines/" + alias, platformAdminToken, null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("alias").asString()).isEqualTo(alias);
  }

  @Test
  void listsEveryAirlineToPlatformAdminsAndOnlyTheirOwnToStaff() throws Exception {
    TestUser adminA = keycloak.createUser(TestUsers.customer());
    TestUser adminB = keycloak.createUser(TestUsers.customer());
    String a = newAlias();
    String b = newAlias();
    createAirline(platformAdminToken, a, adminA);
    createAirline(platformAdminToken, b, adminB);

    Reply all = send("GET", "/api/airlines?size=100", platformAdminToken, null);
    Reply own = send("GET", "/api/airlines", token(adminA), null);
    Reply none = send("GET", "/api/airlines", customerToken, null);

    assertThat(texts(all.body().path("items"), "alias")).contains(a, b);
    assertThat(texts(own.body().path("items"), "alias")).containsExactly(a);
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body().path("items").size()).isZero();
  }

  private static RealmResource realm() {
    return keycloak.airtixRealm().resource();
  }

  private static Set<String> groupPaths(String userId) {
    return new TreeSet<>(
        realm().users().get(userId).groups().stream().map(GroupRepresentation::getPath).toList());
  }

  private static AuthorizationResource permissions() {
    String id = realm().toRepresentation().getAdminPermissionsClient().getId();
    return realm().clients().get(id).authorization();
  }
}
