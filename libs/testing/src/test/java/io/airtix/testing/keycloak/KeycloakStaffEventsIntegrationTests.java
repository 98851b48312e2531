package io.airtix.testing.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airtix.keycloakclient.InvitationAcceptance;
import io.airtix.testing.mail.Mail;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak with the extension publishes {@code staff.changed}, the tenant roles a person holds in
 * an airline after each change, to the machine's RabbitMQ: when an administrator moves them between
 * the airline's role groups through the admin API (as the tenants service and the admin console
 * do), and when they accept an invitation whose roles the extension grants.
 */
@ExtendWith(KeycloakExtension.class)
class KeycloakStaffEventsIntegrationTests {

  private static KeycloakEvents events;

  private final KeycloakServer keycloak;

  KeycloakStaffEventsIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @BeforeAll
  static void listenToStaffEvents() {
    events = KeycloakEvents.listen();
  }

  @AfterAll
  static void stopListening() {
    assertThat(events.mislabelled())
        .as("events whose AMQP type differs from their envelope's")
        .isEmpty();
    events.close();
  }

  @Test
  void publishesTheRolesHeldAfterEachChangeOfThePersonsRoleGroups() {
    String airline = "staff-" + UUID.randomUUID().toString().substring(0, 8);
    keycloak.airtixRealm().ensureAirline(airline, "Airline " + airline);
    TestUser user = keycloak.createUser(TestUsers.customer());
    UserResource resource = keycloak.airtixRealm().resource().users().get(user.id());
    String agent = group(airline, "agent");
    String tenantAdmin = group(airline, "tenant-admin");
    String aggregate = airline + "/" + user.id();

    resource.joinGroup(agent);
    JsonNode joined = events.await("staff.changed", aggregate);
    resource.joinGroup(tenantAdmin);
    JsonNode promoted = events.await("staff.changed", aggregate, newerThan(joined));
    resource.leaveGroup(agent);
    JsonNode demoted = events.await("staff.changed", aggregate, newerThan(promoted));
    resource.leaveGroup(tenantAdmin);
    JsonNode left = events.await("staff.changed", aggregate, newerThan(demoted));

    assertThat(joined.path("tenant").asText()).isEqualTo(airline);
    assertThat(joined.path("payload").path("userId").asText()).isEqualTo(user.id());
    assertThat(joined.path("payload").path("airline").asText()).isEqualTo(airline);
    assertThat(joined.path("payload").path("username").asText()).isEqualTo(user.username());
    assertThat(joined.path("payload").path("realm").asText()).isEqualTo("airtix");
    assertThat(joined.path("aggregateVersion").asLong())
        .isEqualTo(joined.path("payload").path("version").asLong());
    assertThat(roles(joined)).containsExactly("agent");
    assertThat(roles(promoted)).containsExactly("agent", "tenant-admin");
    assertThat(roles(demoted)).containsExactly("tenant-admin");
    assertThat(roles(left)).isEmpty();
    assertThat(left.toString()).doesNotContain("io.airtix", user.email());
    // leaving a role still withdraws the tokens that carried it
    events.await("user.roles-withdrawn", user.id());
  }

  @Test
  void publishesTheRolesOfAnAccountCreatedInsideTheAirlinesGroups() {
    String airline = "created-" + UUID.randomUUID().toString().substring(0, 8);
    keycloak.airtixRealm().ensureAirline(airline, "Airline " + airline);
    UserRepresentation representation = new UserRepresentation();
    representation.setUsername(airline + "-agent");
    representation.setEnabled(true);
    representation.setGroups(
        List.of("/airlines/" + airline + "/agent", "/airlines/" + airline + "/suspended"));

    String userId;
    try (Response created = keycloak.airtixRealm().resource().users().create(representation)) {
      assertThat(created.getStatus()).isEqualTo(201);
      userId = CreatedResponseUtil.getCreatedId(created);
    }

    events.await("user.created", userId);
    assertThat(roles(events.await("staff.changed", airline + "/" + userId)))
        .containsExactly("agent");
  }

  @Test
  void saysNothingOfGroupsThatAreNoTenantRole() {
    String airline = "staff-" + UUID.randomUUID().toString().substring(0, 8);
    keycloak.airtixRealm().ensureAirline(airline, "Airline " + airline);
    TestUser user = keycloak.createUser(TestUsers.customer());
    UserResource resource = keycloak.airtixRealm().resource().users().get(user.id());
    String aggregate = airline + "/" + user.id();

    resource.joinGroup(group(airline, "suspended"));
    resource.joinGroup(group(airline, "auditor"));

    // the auditor role's event is the first of this person in this airline
    JsonNode first = events.await("staff.changed", aggregate);
    assertThat(roles(first)).containsExactly("auditor");
  }

  @Test
  void publishesTheRolesAnAcceptedInvitationGranted() {
    String airline = "invited-" + UUID.randomUUID().toString().substring(0, 8);
    String organizationId = keycloak.airtixRealm().ensureAirline(airline, "Airline " + airline);
    TestUser user = keycloak.createUser(TestUsers.customer());
    OrganizationResource organization =
        keycloak.airtixRealm().resource().organizations().get(organizationId);
    // what the tenants service's invitation does: the roles wait on the organization
    OrganizationRepresentation representation = organization.toRepresentation();
    Map<String, List<String>> attributes =
        new HashMap<>(
            representation.getAttributes() == null ? Map.of() : representation.getAttributes());
    attributes.put(
        "airtix.pending-roles." + user.email().toLowerCase(Locale.ROOT),
        new ArrayList<>(List.of("agent", "auditor")));
    representation.setAttributes(attributes);
    try (Response updated = organization.update(representation)) {
      assertThat(updated.getStatus() / 100).isEqualTo(2);
    }
    try (Response invited = organization.members().inviteExistingUser(user.id())) {
      assertThat(invited.getStatus() / 100).isEqualTo(2);
    }

    InvitationAcceptance.accept(invitationLink(keycloak.mailServer().awaitMailTo(user.email())));

    JsonNode accepted = events.await("staff.changed", airline + "/" + user.id());
    assertThat(accepted.path("tenant").asText()).isEqualTo(airline);
    assertThat(roles(accepted)).containsExactly("agent", "auditor");
  }

  private String group(String airline, String role) {
    return keycloak
        .airtixRealm()
        .resource()
        .getGroupByPath("/airlines/" + airline + "/" + role)
        .getId();
  }

  private static URI invitationLink(Mail invitation) {
    return invitation.links().stream()
        .filter(link -> link.getPath().contains("/realms/airtix/"))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no Keycloak link in the invitation: " + invitation.text()));
  }

  private static Predicate<JsonNode> newerThan(JsonNode earlier) {
    return event ->
        event.path("aggregateVersion").asLong() > earlier.path("aggregateVersion").asLong();
  }

  private static List<String> roles(JsonNode event) {
    List<String> roles = new ArrayList<>();
    event.path("payload").path("roles").forEach(role -> roles.add(role.asText()));
    return roles;
  }
}
