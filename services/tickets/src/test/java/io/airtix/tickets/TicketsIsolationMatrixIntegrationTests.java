package io.airtix.tickets;

import io.airtix.testing.isolation.Caller;
import io.airtix.testing.isolation.IsolationMatrix;
import io.airtix.testing.isolation.IsolationScenario;
import io.airtix.testing.isolation.MatrixRequest;
import io.airtix.testing.isolation.MatrixRow;
import io.airtix.testing.isolation.Owner;
import io.airtix.testing.isolation.ServiceEndpoints;
import io.airtix.testing.isolation.SignedInCallers;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Tenant isolation of the tickets service as data: {@code isolation-matrix.csv} states, for every
 * endpoint under {@code /api}, what each kind of caller gets for tickets of airline A and of
 * airline B, and this class asks every row with real tokens. The tickets of A and B are created
 * through the API by their airlines' agents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketsIsolationMatrixIntegrationTests implements IsolationScenario {

  private static final KeycloakServer keycloak = KeycloakServer.shared();
  private static final IsolationMatrix MATRIX =
      IsolationMatrix.fromClasspath("isolation-matrix.csv");
  // five base-36 digits after a distinct word: neither airline id is part of the other, as markers
  // must not overlap
  private static final String RUN =
      Long.toString(ThreadLocalRandom.current().nextLong(1_679_616L, 60_466_176L), 36);
  private static final String AIRLINE_A = "alpha-" + RUN;
  private static final String AIRLINE_B = "bravo-" + RUN;

  @LocalServerPort int port;

  private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
  private final Map<Owner, Set<String>> markers =
      Map.of(Owner.A, ConcurrentHashMap.newKeySet(), Owner.B, ConcurrentHashMap.newKeySet());
  private TicketsHttp api;
  private String agentOfBToken;
  private String ticketOfA;
  private String ticketOfB;

  @DynamicPropertySource
  static void realKeycloakAndScratchDatabase(DynamicPropertyRegistry registry) throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    registry.add("airtix.security.clock-skew", () -> "0s");
    String dataDir = Files.createTempDirectory("airtix-tickets-isolation").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @BeforeAll
  void callersAndTicketsOfAirlinesAAndB() throws Exception {
    api = new TicketsHttp(port);
    tokens.putAll(SignedInCallers.tokens(keycloak, AIRLINE_A));
    agentOfBToken =
        keycloak.login(keycloak.createUser(TestUsers.member(AIRLINE_B, "agent"))).accessToken();
    markers.get(Owner.A).add(AIRLINE_A);
    markers.get(Owner.B).add(AIRLINE_B);
    ticketOfA = newTicket(Owner.A);
    ticketOfB = newTicket(Owner.B);
  }

  @Test
  void describesEveryEndpointOfTheServiceForEveryCallerAndAirline(
      @Autowired ApplicationContext context) {
    MATRIX.assertCovers(ServiceEndpoints.under(context, "/api"));
  }

  @TestFactory
  Stream<DynamicTest> answersEveryCallerAsTheMatrixSays() {
    return MATRIX.tests(URI.create("http://localhost:" + port), this);
  }

  @Override
  public String accessToken(Caller caller) {
    return tokens.get(caller);
  }

  @Override
  public Set<String> markersOf(Owner airline) {
    return Set.copyOf(markers.get(airline));
  }

  @Override
  public MatrixRequest request(MatrixRow row) {
    String path = row.endpoint().path();
    if (path.equals("/api/tickets")) {
      // one page holds every ticket of the run, so a listing that leaves an airline out cannot hide
      // behind paging
      return row.endpoint().method().equals("GET")
          ? MatrixRequest.none().withQuery("size=100")
          : MatrixRequest.none().withBody(TicketsHttp.ticket(airline(row.object())));
    }
    if (path.equals("/api/tickets/{id}")) {
      String id;
      try {
        id =
            row.changesItsObject()
                ? newTicket(row.object())
                : row.object() == Owner.B ? ticketOfB : ticketOfA;
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("could not create a ticket for " + row, e);
      }
      MatrixRequest request = MatrixRequest.of(Map.of("id", id));
      // every ticket the matrix edits is still at version 0: new ones, and shared ones that no row
      // may change
      return row.endpoint().method().equals("PUT")
          ? request.withBody(TicketsHttp.update(0))
          : request;
    }
    throw new IllegalStateException("this scenario does not know how to call " + row.endpoint());
  }

  private String newTicket(Owner airline) throws IOException, InterruptedException {
    JsonNode ticket =
        api.create(
            airline == Owner.B ? agentOfBToken : tokens.get(Caller.AGENT_OF_A), airline(airline));
    String id = ticket.path("id").asString();
    markers.get(airline).add(id);
    return id;
  }

  private static String airline(Owner owner) {
    return owner == Owner.B ? AIRLINE_B : AIRLINE_A;
  }
}
