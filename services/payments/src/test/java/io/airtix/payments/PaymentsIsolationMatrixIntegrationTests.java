package io.airtix.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.orders.OrderCreated;
import io.airtix.payments.payment.OrderReplicas;
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
import io.airtix.testing.keycloak.TestUser;
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
 * Tenant isolation of the payments service as data: {@code isolation-matrix.csv} states, for every
 * endpoint under {@code /api}, what each kind of caller gets for payments of airline A and of
 * airline B, and this class asks every row with real tokens. Object a is a payment of an order of A
 * that the calling caller started itself, object b a payment of an order of B that another customer
 * started. Orders reach the replica through its real listener; payments are started through the
 * API, with the simulated provider.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.payments.stripe.api-key=",
      "airtix.payments.stripe.webhook-secret="
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class PaymentsIsolationMatrixIntegrationTests implements IsolationScenario {

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
  private final Map<Caller, String> userIds = new EnumMap<>(Caller.class);
  private final Map<Owner, Set<String>> markers =
      Map.of(Owner.A, ConcurrentHashMap.newKeySet(), Owner.B, ConcurrentHashMap.newKeySet());
  // the payment of A each signed-in caller started for itself, for the rows that leave it as it is
  private final Map<Caller, String> ownPaymentsOfA = new EnumMap<>(Caller.class);
  private PaymentsHttp api;
  private String otherCustomerToken;
  private String otherCustomerId;
  private String othersPaymentOfA;
  private String othersPaymentOfB;

  @DynamicPropertySource
  static void realKeycloakAndScratchDatabase(DynamicPropertyRegistry registry) throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    registry.add("airtix.security.clock-skew", () -> "0s");
    String dataDir = Files.createTempDirectory("airtix-payments-isolation").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @BeforeAll
  void callersAndTheirPaymentsOfAirlinesAAndB() throws Exception {
    api = new PaymentsHttp(port);
    tokens.putAll(SignedInCallers.tokens(keycloak, AIRLINE_A));
    tokens.forEach(
        (caller, token) -> userIds.put(caller, KeycloakServer.claims(token).path("sub").asText()));
    TestUser other = keycloak.createUser(TestUsers.customer());
    otherCustomerToken = keycloak.login(other).accessToken();
    otherCustomerId = other.id();
    markers.get(Owner.A).add(AIRLINE_A);
    markers.get(Owner.B).add(AIRLINE_B);
    for (Caller caller : tokens.keySet()) {
      ownPaymentsOfA.put(caller, newPayment(tokens.get(caller), userIds.get(caller), Owner.A));
    }
    othersPaymentOfA = newPayment(otherCustomerToken, otherCustomerId, Owner.A);
    othersPaymentOfB = newPayment(otherCustomerToken, otherCustomerId, Owner.B);
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
   * customer's payment of A.
   */
  @Test
  void hidesAnotherCustomersPaymentOfTheirOwnAirlineFromStaffOfThatAirline() throws Exception {
    for (Caller staff : List.of(Caller.AGENT_OF_A, Caller.TENANT_ADMIN_OF_A, Caller.AUDITOR_OF_A)) {
      String token = tokens.get(staff);
      assertThat(api.send("GET", "/api/payments/" + othersPaymentOfA, token, null).status())
          .as("%s reads", staff)
          .isEqualTo(404);
      assertThat(
              api.send(
                      "POST",
                      "/api/payments/" + othersPaymentOfA + "/simulated-confirmation",
                      token,
                      """
          {"outcome":"SUCCEEDED"}""")
                  .status())
          .as("%s confirms", staff)
          .isEqualTo(404);
    }
    assertThat(
            api.send("GET", "/api/payments/" + othersPaymentOfA, otherCustomerToken, null)
                .body()
                .path("status")
                .asString())
        .isEqualTo("PENDING");
  }

  /**
   * What the matrix's status and markers leave out: an airline's payments reach every member of its
   * staff, agents included (decision 0035), with every customer's payment of the airline in them
   * and never a client secret, which only the paying customer gets while a payment can be
   * confirmed.
   */
  @Test
  void showsAnAirlinesPaymentsToAllItsStaffWithoutAnyClientSecret() throws Exception {
    Reply own = api.send("GET", "/api/payments/" + othersPaymentOfA, otherCustomerToken, null);
    assertThat(own.body().path("clientSecret").asString())
        .as("the paying customer's secret, which staff must not see")
        .isNotBlank();

    for (Caller staff : List.of(Caller.AGENT_OF_A, Caller.TENANT_ADMIN_OF_A, Caller.AUDITOR_OF_A)) {
      Reply book =
          api.send(
              "GET", "/api/airlines/" + AIRLINE_A + "/payments?size=100", tokens.get(staff), null);

      assertThat(book.status()).as("%s: %s", staff, book).isEqualTo(200);
      assertThat(book.body().path("items").valueStream().map(item -> item.path("id").asString()))
          .as("%s sees", staff)
          .contains(othersPaymentOfA, ownPaymentsOfA.get(staff));
      assertThat(book.body().path("items").valueStream())
          .as("%s sees", staff)
          .allSatisfy(
              item -> {
                assertThat(item.path("airline").asString()).isEqualTo(AIRLINE_A);
                assertThat(item.path("clientSecret").isNull()).isTrue();
              });
      assertThat(book.body().toString())
          .as("%s sees", staff)
          .doesNotContain(own.body().path("clientSecret").asString());
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
    if (path.equals("/api/payments")) {
      // one page holds every payment of the run, so a list that leaves one out cannot hide behind
      // paging
      return row.endpoint().method().equals("GET")
          ? MatrixRequest.none().withQuery("size=100")
          : MatrixRequest.none()
              .withBody(paymentOf(newOrder(userIds.get(row.caller()), row.object())));
    }
    if (path.equals("/api/payments/{id}")) {
      return MatrixRequest.of(Map.of("id", payment(row)));
    }
    if (path.equals("/api/payments/{id}/simulated-confirmation")) {
      return MatrixRequest.of(Map.of("id", payment(row)))
          .withBody(
              """
          {"outcome":"SUCCEEDED"}""");
    }
    if (path.equals("/api/airlines/{airline}/payments")) {
      return MatrixRequest.of(Map.of("airline", airline(row.object()))).withQuery("size=100");
    }
    if (path.equals("/api/payments/stripe/webhook")) {
      return MatrixRequest.none()
          .withBody(
              """
          {"id":"evt_unsigned","object":"event","type":"payment_intent.succeeded"}""");
    }
    throw new IllegalStateException("this scenario does not know how to call " + row.endpoint());
  }

  /**
   * Object a: a payment of A the caller started itself (a new one when the row changes it); b:
   * another's of B.
   */
  private String payment(MatrixRow row) {
    if (row.object() == Owner.B) {
      return othersPaymentOfB;
    }
    try {
      if (row.changesItsObject()) {
        return newPayment(tokens.get(row.caller()), userIds.get(row.caller()), Owner.A);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not prepare " + row, e);
    }
    // nobody's token reaches the service for an anonymous row: any payment of A shows whether it
    // answers 401 first
    return ownPaymentsOfA.getOrDefault(row.caller(), othersPaymentOfA);
  }

  private String newPayment(String token, String customerId, Owner airline) throws Exception {
    Reply reply =
        api.send("POST", "/api/payments", token, paymentOf(newOrder(customerId, airline)));
    assertThat(reply.status()).as("pay an order of %s: %s", airline, reply).isEqualTo(201);
    String id = reply.body().path("id").asString();
    markers.get(airline).add(id);
    return id;
  }

  // an anonymous caller has no user id: its order belongs to the other customer, and the request
  // never gets that far
  private OrderCreated newOrder(String customerId, Owner airline) {
    OrderCreated order =
        OrderReplicas.created(airline(airline), customerId == null ? otherCustomerId : customerId);
    OrderReplicas.apply(context, order);
    markers.get(airline).add(order.orderId().toString());
    return order;
  }

  private static String paymentOf(OrderCreated order) {
    return """
        {"orderId":"%s"}"""
        .formatted(order.orderId());
  }

  private static String airline(Owner owner) {
    return owner == Owner.B ? AIRLINE_B : AIRLINE_A;
  }
}
