package io.airtix.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.platform.authorization.AccessPolicy;
import io.airtix.platform.authorization.AuthorizationAutoConfiguration;
import io.airtix.platform.security.AirtixPrincipal;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rights are policy, not code: the service started with {@code airtix.policies.policy} pointing at
 * another policy file answers the same requests with the same real tokens differently. The file is
 * the packaged {@code policies/policy.csv} with two lines changed: agents lose {@code delete} on
 * tickets, auditors gain {@code create}. Everything else, including the code, is what production
 * runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyFileIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();
  private static final String PACKAGED_POLICY = "policies/policy.csv";
  private static final String AGENTS_DELETE = "p, agent, *, tickets, delete";
  private static final String AUDITORS_CREATE = "p, auditor, *, tickets, create";
  private static final String RUN =
      Long.toString(ThreadLocalRandom.current().nextLong(1_679_616L, 60_466_176L), 36);
  private static final String AIRLINE_A = "alpha-" + RUN;
  private static final String AIRLINE_B = "bravo-" + RUN;

  @LocalServerPort int port;

  private TicketsHttp api;
  private String agentToken;
  private String tenantAdminToken;
  private String auditorToken;

  @DynamicPropertySource
  static void realKeycloakAndAnotherPolicyFile(DynamicPropertyRegistry registry)
      throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    registry.add("airtix.security.clock-skew", () -> "0s");
    Path dataDir = Files.createTempDirectory("airtix-tickets-policy");
    registry.add("airtix.data-dir", dataDir::toString);
    Path policy =
        Files.writeString(dataDir.resolve("policy.csv"), changedPolicy(), StandardCharsets.UTF_8);
    registry.add("airtix.policies.policy", () -> policy.toUri().toString());
  }

  /** The packaged policy without the agents' delete line and with an auditors' create line. */
  private static String changedPolicy() {
    List<String> lines = packagedPolicy().lines().toList();
    // without the line to remove the test would prove nothing: fail loudly if the packaged policy
    // changed
    assertThat(lines).as("the packaged policy grants agents delete").contains(AGENTS_DELETE);
    assertThat(lines)
        .as("the packaged policy does not let auditors create")
        .doesNotContain(AUDITORS_CREATE);
    StringBuilder changed = new StringBuilder();
    lines.stream()
        .filter(line -> !line.equals(AGENTS_DELETE))
        .forEach(line -> changed.append(line).append('\n'));
    return changed.append(AUDITORS_CREATE).append('\n').toString();
  }

  private static String packagedPolicy() {
    try (InputStream in = new ClassPathResource(PACKAGED_POLICY).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  void staffOfAirlineA() {
    api = new TicketsHttp(port);
    agentToken =
        keycloak.login(keycloak.createUser(TestUsers.member(AIRLINE_A, "agent"))).accessToken();
    tenantAdminToken =
        keycloak
            .login(keycloak.createUser(TestUsers.member(AIRLINE_A, "tenant-admin")))
            .accessToken();
    auditorToken =
        keycloak.login(keycloak.createUser(TestUsers.member(AIRLINE_A, "auditor"))).accessToken();
  }

  @Test
  void packagedPolicyLetsAgentsDeleteAndAuditorsNotCreate() {
    // the contrast, stated once more here; isolation-matrix.csv asks the same over HTTP (204 and
    // 403)
    AccessPolicy packaged =
        new AccessPolicy(
            AuthorizationAutoConfiguration.enforcer(
                new ClassPathResource("policies/model.conf"),
                new ClassPathResource(PACKAGED_POLICY)));

    assertThat(packaged.allows(memberOfA("agent"), "delete", "tickets", AIRLINE_A)).isTrue();
    assertThat(packaged.allows(memberOfA("auditor"), "create", "tickets", AIRLINE_A)).isFalse();
  }

  @Test
  void refusesAgentsAndTenantAdminsToDeleteTicketsWith403() throws Exception {
    String ticket = api.create(agentToken, AIRLINE_A).path("id").asString();

    TicketsHttp.Reply byAgent = api.send("DELETE", "/api/tickets/" + ticket, agentToken, null);
    TicketsHttp.Reply byTenantAdmin =
        api.send("DELETE", "/api/tickets/" + ticket, tenantAdminToken, null);

    // 403, not 404: under this policy nobody may delete tickets in any airline (decision 0003)
    assertThat(byAgent.status()).isEqualTo(403);
    assertThat(byAgent.body().path("type").asString())
        .isEqualTo("https://airtix.io/problems/forbidden");
    assertThat(byTenantAdmin.status()).isEqualTo(403);
    assertThat(api.send("GET", "/api/tickets/" + ticket, null, null).status()).isEqualTo(200);
  }

  @Test
  void letsAuditorsCreateTicketsOfTheirOwnAirlineOnly() throws Exception {
    TicketsHttp.Reply own =
        api.send("POST", "/api/tickets", auditorToken, TicketsHttp.ticket(AIRLINE_A));
    TicketsHttp.Reply foreign =
        api.send("POST", "/api/tickets", auditorToken, TicketsHttp.ticket(AIRLINE_B));

    assertThat(own.status()).isEqualTo(201);
    assertThat(own.body().path("airline").asString()).isEqualTo(AIRLINE_A);
    assertThat(foreign.status()).isEqualTo(403);
  }

  @Test
  void keepsTheRightsTheFileDidNotChange() throws Exception {
    String ticket = api.create(agentToken, AIRLINE_A).path("id").asString();

    assertThat(
            api.send("PUT", "/api/tickets/" + ticket, agentToken, TicketsHttp.update(0)).status())
        .isEqualTo(200);
    assertThat(
            api.send("PUT", "/api/tickets/" + ticket, auditorToken, TicketsHttp.update(1)).status())
        .isEqualTo(403);
  }

  private static AirtixPrincipal memberOfA(String role) {
    return new AirtixPrincipal(
        "u-" + role, role, null, null, Set.of(), Map.of(AIRLINE_A, Set.of(role)));
  }
}
