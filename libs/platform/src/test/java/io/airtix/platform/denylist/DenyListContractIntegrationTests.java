package io.airtix.platform.denylist;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakExtension;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestSocialAccount;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The bound, measured: a still-valid access token gets 401 within 2 seconds after an
 * administrator disables its user in Keycloak, resets their password, takes a role away or unlinks
 * a social account, or after its user logs out. Real Keycloak with the extension, the machine's
 * RabbitMQ, a service with no database. The delay is measured from just before the request to
 * Keycloak until the first 401.
 */
@ExtendWith(KeycloakExtension.class)
@SpringBootTest(
    classes = DenyListTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DenyListContractIntegrationTests {

  static final Duration BOUND = Duration.ofSeconds(2);

  private final HttpClient http = HttpClient.newHttpClient();
  private final KeycloakServer keycloak = KeycloakServer.shared();

  @LocalServerPort int port;

  @Autowired AmqpAdmin admin;

  @Autowired Declarables airtixDenyListTopology;

  static void service(DynamicPropertyRegistry registry) {
    KeycloakServer keycloak = KeycloakServer.shared();
    KeycloakEventBroker broker = KeycloakEventBroker.configured();
    registry.add("spring.application.name", () -> "deny-list-test-" + UUID.randomUUID());
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    registry.add("airtix.security.audience", () -> "orders");
    registry.add("spring.rabbitmq.host", broker::host);
    registry.add("spring.rabbitmq.port", broker::port);
    registry.add("management.health.redis.enabled", () -> false);
  }

  @Test
  void refusesTheTokenOfAUserAnAdministratorDisabledWithinTwoSeconds() throws Exception {
    TestUser user = keycloak.createUser(TestUsers.customer());
    String token = keycloak.login(user).accessToken();
    assertThat(get(token).statusCode()).isEqualTo(200);
    awaitFeedConsuming();
    UserResource resource = keycloak.airtixRealm().resource().users().get(user.id());
    UserRepresentation representation = resource.toRepresentation();

    long start = System.nanoTime();
    representation.setEnabled(false);
    resource.update(representation);
    Duration delay = untilRefused(token, start);

    report("disabled user", delay);
    assertThat(delay).isLessThan(BOUND);
    HttpResponse<String> refused = get(token);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("revoked");

    // enabled again, the person signs in anew and the new token works
    representation.setEnabled(true);
    resource.update(representation);
    Awaitility.await("a new token after re-enabling works")
        .atMost(Duration.ofSeconds(10))
        .until(() -> get(keycloak.login(user).accessToken()).statusCode() == 200);
  }

  @Test
  void refusesTheTokenOfASessionItsUserLoggedOutOfWithinTwoSeconds() throws Exception {
    TestUser user = keycloak.createUser(TestUsers.customer());
    Tokens tokens = keycloak.login(user);
    String otherSession = keycloak.login(user).accessToken();
    assertThat(get(tokens.accessToken()).statusCode()).isEqualTo(200);
    awaitFeedConsuming();

    long start = System.nanoTime();
    keycloak.logOut(tokens);
    Duration delay = untilRefused(tokens.accessToken(), start);

    report("logged-out session", delay);
    assertThat(delay).isLessThan(BOUND);
    assertThat(get(otherSession).statusCode()).as("the user's other session").isEqualTo(200);
  }

  @Test
  void refusesTheTokensOfAUserWhosePasswordAnAdministratorResetWithinTwoSeconds() throws Exception {
    TestUser user = keycloak.createUser(TestUsers.customer());
    String token = keycloak.login(user).accessToken();
    assertThat(get(token).statusCode()).isEqualTo(200);
    awaitFeedConsuming();
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue("Reset-" + UUID.randomUUID());
    password.setTemporary(false);

    long start = System.nanoTime();
    keycloak.airtixRealm().resource().users().get(user.id()).resetPassword(password);
    Duration delay = untilRefused(token, start);

    report("password reset", delay);
    assertThat(delay).isLessThan(BOUND);
  }

  @Test
  void refusesTheTokensOfAPersonWhoLeftAnAirlineRoleWithinTwoSeconds() throws Exception {
    String airline = "deny-" + UUID.randomUUID().toString().substring(0, 8);
    keycloak.airtixRealm().ensureAirline(airline, "Airline " + airline);
    TestUser agent = keycloak.createUser(TestUsers.member(airline, "agent"));
    String token = keycloak.login(agent).accessToken();
    assertThat(get(token).statusCode()).isEqualTo(200);
    awaitFeedConsuming();
    String agentGroup =
        keycloak
            .airtixRealm()
            .resource()
            .getGroupByPath(AirtixRealm.airlineGroupPath(airline, "agent"))
            .getId();

    long start = System.nanoTime();
    keycloak.airtixRealm().resource().users().get(agent.id()).leaveGroup(agentGroup);
    Duration delay = untilRefused(token, start);

    report("role removed", delay);
    assertThat(delay).isLessThan(BOUND);
  }

  @Test
  void refusesTheTokensOfAUserWhoseSocialAccountWasUnlinkedWithinTwoSeconds() throws Exception {
    TestUser user = keycloak.createUser(TestUsers.customer());
    try (TestSocialAccount social = TestSocialAccount.linkedTo(keycloak, user)) {
      String token = keycloak.login(user).accessToken();
      assertThat(get(token).statusCode()).isEqualTo(200);
      awaitFeedConsuming();

      long start = System.nanoTime();
      social.unlink();
      Duration delay = untilRefused(token, start);

      report("social account unlinked", delay);
      assertThat(delay).isLessThan(BOUND);
    }
  }

  /** Polls the service until it refuses the token; the time since the action began. */
  private Duration untilRefused(String token, long start) {
    Awaitility.await("token refused")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .pollDelay(Duration.ZERO)
        .until(() -> get(token).statusCode() == 401);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void report(String what, Duration delay) {
    System.out.printf(
        "deny-list (%s): %s refused %d ms after the action in Keycloak%n",
        getClass().getSimpleName(), what, delay.toMillis());
  }

  /**
   * The service's queue exists and its consumer listens, so the test measures propagation, not
   * start-up.
   */
  private void awaitFeedConsuming() {
    String queue = airtixDenyListTopology.getDeclarablesByType(Queue.class).get(0).getName();
    Awaitility.await("deny-list consumer on " + queue)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var info = admin.getQueueInfo(queue);
              return info != null && info.getConsumerCount() > 0;
            });
  }

  private HttpResponse<String> get(String token) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/greeting"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
