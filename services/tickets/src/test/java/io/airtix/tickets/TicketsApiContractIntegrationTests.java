package io.airtix.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.testing.database.DatabaseScan;
import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.openapi.ApiContract;
import io.airtix.testing.openapi.ApiFuzzer;
import io.airtix.testing.openapi.ValidCall;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tickets API against its own OpenAPI description: every operation called, each answer as
 * described; then bad input derived from the description refused as it should be, with nothing
 * written.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"airtix.messaging.outbox.relay=false", "airtix.messaging.inbox.enabled=false"})
class TicketsApiContractIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired DataSource dataSource;

  private ServiceHttp http;
  private ApiContract contract;

  @DynamicPropertySource
  static void realKeycloakAndScratchDatabase(DynamicPropertyRegistry registry) throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    // the broker of the test Keycloak's events, never whatever answers on the standalone port
    KeycloakEventBroker broker = KeycloakEventBroker.configured();
    registry.add("spring.rabbitmq.host", broker::host);
    registry.add("spring.rabbitmq.port", broker::port);
    String dataDir = Files.createTempDirectory("airtix-tickets-contract").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @BeforeEach
  void readDescription() {
    http = new ServiceHttp(port);
    contract =
        ApiContract.of(URI.create("http://localhost:" + managementPort + "/actuator/openapi"));
  }

  @Test
  void describesTheCallerAsTheTokenNeverAsAParameter() {
    assertThat(contract.document())
        .doesNotContain("\"caller\"")
        .contains("\"bearer\"", "application/problem+json");
    assertThat(contract.operations()).extracting(Object::toString).doesNotContain("GET /error");
  }

  @Test
  void everyOperationAnswersAsDescribedAndRefusesBadInputWritingNothing(TestReporter report)
      throws Exception {
    String agent =
        keycloak.login(keycloak.createUser(TestUsers.member("aerolux", "agent"))).accessToken();
    ApiFuzzer fuzzer = new ApiFuzzer(contract, http, () -> DatabaseScan.rowCounts(dataSource));
    List<String> failures = new ArrayList<>();

    failures.addAll(fuzzer.fuzz(new ValidCall("POST", "/api/tickets", agent, newTicket())));
    String id = created(agent);
    failures.addAll(fuzzer.fuzz(ValidCall.get("/api/tickets?origin=LUX&page=0&size=5", null)));
    failures.addAll(
        fuzzer.fuzz(
            ValidCall.get(
                "/api/tickets?minPrice=10&maxPrice=500.50&currency=EUR&page=0&size=5", null)));
    failures.addAll(fuzzer.fuzz(ValidCall.get("/api/tickets/" + id, null)));
    failures.addAll(fuzzer.fuzz(new ValidCall("PUT", "/api/tickets/" + id, agent, revision(0))));
    failures.addAll(fuzzer.fuzz(new ValidCall("DELETE", "/api/tickets/" + id, agent, null)));

    report.publishEntry("bad inputs sent", String.valueOf(fuzzer.badInputsSent()));
    assertThat(failures).isEmpty();
    assertThat(fuzzer.badInputsSent()).isGreaterThan(150);
    contract.assertEveryOperationCalled();
  }

  /** A ticket of the agent's, for the operations on one ticket. */
  private String created(String agent) throws Exception {
    Reply reply = http.send("POST", "/api/tickets", agent, newTicket());
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.body().path("id").asString();
  }

  private static String newTicket() {
    return """
        {"airline":"aerolux","flightNumber":"LX%d","origin":"LUX","destination":"CDG",
         "departureTime":"%s","cabin":"ECONOMY","seat":"12A","price":129.90,"currency":"EUR"}
        """
        .formatted(System.nanoTime() % 9000 + 1000, nextWeek());
  }

  private static String revision(long version) {
    return """
        {"flightNumber":"LX900","origin":"LUX","destination":"LHR","departureTime":"%s",
         "cabin":"BUSINESS","seat":"2C","price":499.00,"currency":"EUR","version":%d}
        """
        .formatted(nextWeek(), version);
  }

  private static Instant nextWeek() {
    return Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
  }
}
