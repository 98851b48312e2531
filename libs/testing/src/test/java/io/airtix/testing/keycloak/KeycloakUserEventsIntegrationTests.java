package io.airtix.testing.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.keycloakclient.LoginFailedException;
import io.airtix.keycloakclient.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak with the extension publishes the platform's user lifecycle events to the machine's
 * RabbitMQ, after its transaction committed: every action here is a real request to Keycloak, every
 * assertion is on what a service would read from the broker.
 */
@ExtendWith(KeycloakExtension.class)
class KeycloakUserEventsIntegrationTests {

  private static KeycloakEvents events;

  private final KeycloakServer keycloak;

  KeycloakUserEventsIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @BeforeAll
  static void listenToUserEvents() {
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
  void publishesUserCreatedWithNameAndEmailWhenAnAdministratorCreatesAnAccount() {
    TestUser user = keycloak.createUser(TestUsers.customer());

    JsonNode created = events.await("user.created", user.id());

    assertThat(created.path("tenant").asText()).isEqualTo("airtix");
    assertThat(created.path("payload").path("email").asText()).isEqualTo(user.email());
    assertThat(created.path("payload").path("username").asText()).isEqualTo(user.username());
    assertThat(created.path("payload").path("lastName").asText()).isNotBlank();
    assertThat(created.toString()).doesNotContain("io.airtix", "password");
  }

  @Test
  void readsTheBrokerFromKeycloaksEnvironmentConfiguration() throws IOException {
    keycloak.createUser(TestUsers.customer());
    KeycloakEventBroker broker = KeycloakEventBroker.configured();

    // "localhost" is the listener's default host; the fixture's environment variables name
    // 127.0.0.1
    Awaitility.await("publisher connected")
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                java.nio.file.Files.readString(keycloak.logFile())
                    .contains(
                        "Publishing user events to amqp://guest@"
                            + broker.host()
                            + ":"
                            + broker.port()
                            + "/"));
  }

  @Test
  void publishesUserUpdatedWithTheNewProfileWhenAnAdministratorChangesIt() {
    TestUser user = keycloak.createUser(TestUsers.customer());
    UserResource resource = keycloak.airtixRealm().resource().users().get(user.id());
    UserRepresentation representation = resource.toRepresentation();
    representation.setLastName("Renamed");
    representation.setEmail("renamed-" + user.email());

    resource.update(representation);

    JsonNode updated =
        events.await(
            "user.updated",
            user.id(),
            event -> event.path("payload").path("lastName").asText().equals("Renamed"));
    assertThat(updated.path("payload").path("email").asText()).isEqualTo("renamed-" + user.email());
  }

  @Test
  void publishesUserBannedWhenAnAdministratorDisablesTheAccount() {
    TestUser user = keycloak.createUser(TestUsers.customer());
    UserResource resource = keycloak.airtixRealm().resource().users().get(user.id());
    UserRepresentation representation = resource.toRepresentation();
    representation.setEnabled(false);

    resource.update(representation);

    assertThat(events.await("user.banned", user.id()).path("payload").path("reason").asText())
        .isEqualTo("DISABLED");
  }

  @Test
  void publishesUserBannedWhenBruteForceProtectionLocksTheAccount() {
    TestUser user = keycloak.createUser(TestUsers.customer());

    // the realm locks an account after 5 failures in a row
    for (int attempt = 0; attempt < 6; attempt++) {
      try {
        BrowserlessLogin.login(
            keycloak.baseUrl(),
            KeycloakServer.REALM,
            KeycloakServer.WEB_CLIENT,
            KeycloakServer.WEB_REDIRECT_URI,
            user.username(),
            "wrong-" + user.password());
      } catch (LoginFailedException expected) {
        // what a locked-out attacker sees too
      }
    }

    assertThat(events.await("user.banned", user.id()).path("payload").path("reason").asText())
        .isEqualTo("TEMPORARY_LOCKOUT");
  }

  @Test
  void publishesSessionEndedWhenThePersonLogsOut() throws Exception {
    TestUser user = keycloak.createUser(TestUsers.customer());
    Tokens tokens = keycloak.login(user);
    String session = KeycloakServer.claims(tokens.accessToken()).path("sid").asText();

    keycloak.logOut(tokens);

    JsonNode ended = events.await("session.ended", session);
    assertThat(ended.path("payload").path("userId").asText()).isEqualTo(user.id());
    assertThat(ended.path("payload").path("reason").asText()).isEqualTo("LOGOUT");
  }

  @Test
  void publishesSessionEndedWhenAnAdministratorRevokesOneSessionOrAllOfAUser() {
    TestUser user = keycloak.createUser(TestUsers.customer());
    String session = KeycloakServer.claims(keycloak.login(user).accessToken()).path("sid").asText();

    keycloak.airtixRealm().resource().deleteSession(session, false);
    keycloak.airtixRealm().resource().users().get(user.id()).logout();

    assertThat(events.await("session.ended", session).path("payload").path("reason").asText())
        .isEqualTo("REVOKED");
    JsonNode allSessions = events.await("session.ended", user.id());
    assertThat(allSessions.path("payload").path("sessionId").isNull()).isTrue();
  }

  @Test
  void publishesUserRolesWithdrawnWhenAPersonLeavesAnAirlineRoleOrItsOrganization() {
    String airline = "withdrawn-" + UUID.randomUUID().toString().substring(0, 8);
    String organization = keycloak.airtixRealm().ensureAirline(airline, "Airline " + airline);
    TestUser user = keycloak.createUser(TestUsers.member(airline, "agent", "auditor"));
    UserResource resource = keycloak.airtixRealm().resource().users().get(user.id());
    String agentGroup =
        keycloak.airtixRealm().resource().getGroupByPath("/airlines/" + airline + "/agent").getId();

    resource.leaveGroup(agentGroup);
    JsonNode leftRole = events.await("user.roles-withdrawn", user.id());
    keycloak
        .airtixRealm()
        .resource()
        .organizations()
        .get(organization)
        .members()
        .member(user.id())
        .delete()
        .close();

    assertThat(leftRole.path("payload").path("userId").asText()).isEqualTo(user.id());
    events.await(
        "user.roles-withdrawn",
        user.id(),
        event ->
            event.path("payload").path("version").asLong()
                > leftRole.path("payload").path("version").asLong());
  }

  @Test
  void publishesUserCredentialsChangedWhenAnAdministratorResetsAPassword() {
    TestUser user = keycloak.createUser(TestUsers.customer());
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue("Reset-" + UUID.randomUUID());
    password.setTemporary(false);

    keycloak.airtixRealm().resource().users().get(user.id()).resetPassword(password);

    JsonNode changed = events.await("user.credentials-changed", user.id());
    assertThat(changed.path("payload").path("reason").asText()).isEqualTo("PASSWORD_RESET");
    assertThat(changed.toString()).doesNotContain(password.getValue());
  }

  @Test
  void publishesUserCredentialsChangedWhenASocialAccountIsUnlinked() {
    TestUser user = keycloak.createUser(TestUsers.customer());
    try (TestSocialAccount social = TestSocialAccount.linkedTo(keycloak, user)) {
      social.unlink();

      JsonNode changed = events.await("user.credentials-changed", user.id());
      assertThat(changed.path("payload").path("reason").asText()).isEqualTo("PROVIDER_UNLINKED");
    }
  }

  /**
   * Signing everybody out is tried on a realm of its own, so that the other tests' sessions in
   * {@code airtix} live on; the listener works the same in any realm that names it.
   */
  @Test
  void publishesRealmLoggedOutWhenAnAdministratorSignsEverybodyOut() {
    String realm = "sign-out-" + UUID.randomUUID().toString().substring(0, 8);
    RealmRepresentation representation = new RealmRepresentation();
    representation.setRealm(realm);
    representation.setEnabled(true);
    representation.setEventsListeners(List.of("airtix"));
    keycloak.admin().realms().create(representation);
    try {
      keycloak.admin().realm(realm).logoutAll();

      JsonNode loggedOut = events.await("realm.logged-out", realm);
      assertThat(loggedOut.path("tenant").asText()).isEqualTo(realm);
      assertThat(loggedOut.path("payload").path("version").asLong()).isPositive();
    } finally {
      keycloak.admin().realm(realm).remove();
    }
  }

  @Test
  void publishesUserDeletedWithTheIdOnlyWhenTheAccountIsDeleted() {
    TestUser user = keycloak.createUser(TestUsers.customer());

    keycloak.airtixRealm().resource().users().delete(user.id()).close();

    JsonNode deleted = events.await("user.deleted", user.id());
    assertThat(deleted.toString()).doesNotContain(user.email(), user.username());
  }
}
