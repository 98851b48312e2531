package io.airtix.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.orders.ticketreplica.Replicas;
import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.http.ServiceHttp.Reply;
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
import java.util.List;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tenant isolation of the orders service as data: {@code isolation-matrix.csv} states, for every
 * endpoint under {@code /api}, what each kind of caller gets for orders of airline A and of airline
 * B, and this class asks every row with real tokens. An order belongs to its customer first: object
 * a is an order of a ticket of A that the calling caller reserved itself, object b an order of a
 * ticket of B that another customer reserved. Tickets reach the replica through its real listener;
 * orders are reserved through the API.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"airtix.messaging.outbox.relay=false", "airtix.messaging.inbox.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class OrdersIsolationMatrixIntegrationTests implements IsolationScenario {

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

  @Autowired ApplicationContext context;

  private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
  private final Map<Owner, Set<String>> markers =
      Map.of(Owner.A, ConcurrentHashMap.newKeySet(), Owner.B, ConcurrentHashMap.newKeySet());
  // the order of A each signed-in caller reserved for itself, for the rows that leave it as it is
  private final Map<Caller, String> ownOrdersOfA = new EnumMap<>(Caller.class);
  private ServiceHttp api;
  private String otherCustomerToken;
  private String othersOrderOfA;
  private String othersOrderOfB;

  @DynamicPropertySource
  static void realKeycloakAndScratchDatabase(DynamicPropertyRegistry registry) throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    registry.add("airtix.security.clock-skew", () -> "0s");
    String dataDir = Files.createTempDirectory("airtix-orders-isolation").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @BeforeAll
  void callersAndTheirOrdersOfAirlinesAAndB() throws Exception {
    api = new ServiceHttp(port);
    tokens.putAll(SignedInCallers.tokens(keycloak, AIRLINE_A));
    otherCustomerToken = keycloak.login(keycloak.createUser(TestUsers.customer())).accessToken();
    markers.get(Owner.A).add(AIRLINE_A);
    markers.get(Owner.B).add(AIRLINE_B);
    for (Caller caller : tokens.keySet()) {
      ownOrdersOfA.put(caller, newOrder(tokens.get(caller), Owner.A));
    }
    othersOrderOfA = newOrder(otherCustomerToken, Owner.A);
    othersOrderOfB = newOrder(otherCustomerToken, Owner.B);
  }

  @Test
  void describesEveryEndpointOfTheServiceForEveryCallerAndAirline() {
    MATRIX.assertCovers(ServiceEndpoints.under(context, "/api"));
  }

  @TestFactory
  Stream<DynamicTest> answersEveryCallerAsTheMatrixSays() {
    return MATRIX.tests(URI.create("http://localhost:" + port), this);
  }

  /**
   * What the matrix's pairing of owner and airline leaves out: a role in A shows no other
   * customer's order of A.
   */
  @Test
  void hidesAnotherCustomersOrderOfTheirOwnAirlineFromStaffOfThatAirline() throws Exception {
    for (Caller staff : List.of(Caller.AGENT_OF_A, Caller.TENANT_ADMIN_OF_A, Caller.AUDITOR_OF_A)) {
      String token = tokens.get(staff);
      assertThat(api.send("GET", "/api/orders/" + othersOrderOfA, token, null).status())
          .as("%s reads", staff)
          .isEqualTo(404);
      assertThat(
              api.send("POST", "/api/orders/" + othersOrderOfA + "/cancel", token, null).status())
          .as("%s cancels", staff)
          .isEqualTo(404);
      assertThat(api.send("DELETE", "/api/orders/" + othersOrderOfA, token, null).status())
          .as("%s deletes", staff)
          .isEqualTo(404);
    }
    assertThat(
            api.send("GET", "/api/orders/" + othersOrderOfA, otherCustomerToken, null)
                .body()
                .path("status")
                .asString())
        .isEqualTo("CREATED");
  }

  /**
   * What the matrix's pairing leaves out the other way: the airline's order book shows every
   * customer's order of that airline to every member of its staff, agents included (decision 0035),
   * though none of them may open such an order by its id.
   */
  @Test
  void showsAnAirlinesOrderBookWithEveryCustomersOrdersToAllItsStaff() throws Exception {
    for (Caller staff : List.of(Caller.AGENT_OF_A, Caller.TENANT_ADMIN_OF_A, Caller.AUDITOR_OF_A)) {
      Reply book =
          api.send(
              "GET", "/api/airlines/" + AIRLINE_A + "/orders?size=100", tokens.get(staff), null);

      assertThat(book.status()).as("%s: %s", staff, book).isEqualTo(200);
      assertThat(book.body().path("items").valueStream().map(item -> item.path("id").asString()))
          .as("%s sees", staff)
          .contains(othersOrderOfA)
          .doesNotContain(othersOrderOfB);
    }
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
    try {
      if (path.equals("/api/orders")) {
        // one page holds every order of the run, so a list that leaves an order out cannot hide
        // behind paging
        return row.endpoint().method().equals("GET")
            ? MatrixRequest.none().withQuery("size=100")
            : MatrixRequest.none().withBody(reservation(availableTicket(row.object())));
      }
      if (path.equals("/api/orders/{id}") || path.equals("/api/orders/{id}/cancel")) {
        return MatrixRequest.of(Map.of("id", order(row)));
      }
      if (path.equals("/api/airlines/{airline}/orders")) {
        return MatrixRequest.of(Map.of("airline", airline(row.object()))).withQuery("size=100");
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not prepare " + row, e);
    }
    throw new IllegalStateException("this scenario does not know how to call " + row.endpoint());
  }

  /**
   * Object a: an order of A the caller reserved itself (a new one when the row cancels it); b:
   * another's of B.
   */
  private String order(MatrixRow row) throws Exception {
    if (row.object() == Owner.B) {
      return othersOrderOfB;
    }
    if (row.changesItsObject()) {
      return newOrder(tokens.get(row.caller()), Owner.A);
    }
    // nobody's token reaches the service for an anonymous row: any order of A shows whether it
    // answers 401 first
    return ownOrdersOfA.getOrDefault(row.caller(), othersOrderOfA);
  }

  private String newOrder(String token, Owner airline) throws Exception {
    Reply reply = api.send("POST", "/api/orders", token, reservation(availableTicket(airline)));
    assertThat(reply.status()).as("reserve a ticket of %s: %s", airline, reply).isEqualTo(201);
    String id = reply.body().path("id").asString();
    markers.get(airline).add(id);
    return id;
  }

  private TicketCreated availableTicket(Owner airline) {
    TicketCreated ticket = Replicas.availableTicket(airline(airline));
    Replicas.apply(context, ticket);
    markers.get(airline).add(ticket.ticketId().toString());
    return ticket;
  }

  private static String reservation(TicketCreated ticket) {
    return """
        {"ticketId":"%s","price":%s,"currency":"%s"}"""
        .formatted(ticket.ticketId(), ticket.price(), ticket.currency());
  }

  private static String airline(Owner owner) {
    return owner == Owner.B ? AIRLINE_B : AIRLINE_A;
  }
}
