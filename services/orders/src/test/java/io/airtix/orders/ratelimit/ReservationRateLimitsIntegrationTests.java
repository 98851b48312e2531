package io.airtix.orders.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.orders.ticketreplica.Replicas;
import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Reservations over HTTP with tokens of a real Keycloak, under small limits: a customer over their
 * limit gets 429 with Retry-After while others are served, and one airline's flash sale exhausts
 * that airline's bucket only. A refused reservation writes nothing, counts against no other limit
 * and is refused before its transaction opens.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.orders.rate-limits.per-user.capacity=3",
      "airtix.orders.rate-limits.per-user.period=1h",
      "airtix.orders.rate-limits.per-airline.capacity=5",
      "airtix.orders.rate-limits.per-airline.period=1h"
    })
@DirtiesContext
class ReservationRateLimitsIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  private static String eager;
  private static String another;
  private static String firstFlashBuyer;
  private static String secondFlashBuyer;
  private static String lateFlashBuyer;
  private static String refusedEarly;

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  @Autowired JdbcClient jdbc;

  private ServiceHttp api;

  @DynamicPropertySource
  static void realKeycloakAndScratchDatabase(DynamicPropertyRegistry registry) throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    String dataDir = Files.createTempDirectory("airtix-orders-rate-limits").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @BeforeAll
  static void logIn() {
    eager = token(TestUsers.customer());
    another = token(TestUsers.customer());
    firstFlashBuyer = token(TestUsers.customer());
    secondFlashBuyer = token(TestUsers.customer());
    lateFlashBuyer = token(TestUsers.customer());
    refusedEarly = token(TestUsers.customer());
  }

  @BeforeEach
  void client() {
    api = new ServiceHttp(port);
  }

  @Test
  void answers429WithRetryAfterOnceACustomerReachedTheirLimitAndStillServesOthers()
      throws Exception {
    String airline = airline("calm");
    // one customer reaches the per-user limit (3 in an hour)
    for (int i = 0; i < 3; i++) {
      assertThat(reserve(eager, available(airline)).status()).isEqualTo(201);
    }
    TicketCreated wanted = available(airline);
    long eventsBefore = outboxRows();

    Reply refused = reserve(eager, wanted);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.problem()).isEqualTo("rate-limited");
    assertThat(refused.body().path("code").asString()).isEqualTo("RATE_LIMITED");
    assertThat(refused.body().path("limit").asString()).isEqualTo("per-user");
    // one token an hour / 3 = one every 20 minutes
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 1200L);
    assertThat(refused.body().path("retryAfter").asLong()).isEqualTo(retryAfter);
    assertThat(ordersFor(wanted)).isZero();
    assertThat(outboxRows()).isEqualTo(eventsBefore);

    Reply other = reserve(another, wanted);
    assertThat(other.status()).as(other.toString()).isEqualTo(201);
  }

  @Test
  void aFlashSaleExhaustsItsAirlinesBucketWhileAnotherAirlineKeepsSelling() throws Exception {
    String flashSale = airline("flash");
    String otherAirline = airline("other");
    // two customers take the flash-sale airline's 5 reservations
    for (int i = 0; i < 3; i++) {
      assertThat(reserve(firstFlashBuyer, available(flashSale)).status()).isEqualTo(201);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(reserve(secondFlashBuyer, available(flashSale)).status()).isEqualTo(201);
    }
    TicketCreated wanted = available(flashSale);
    long eventsBefore = outboxRows();

    Reply refused = reserve(lateFlashBuyer, wanted);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
    assertThat(refused.problem()).isEqualTo("rate-limited");
    assertThat(refused.body().path("limit").asString()).isEqualTo("per-airline");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 720L);
    assertThat(ordersFor(wanted)).isZero();
    assertThat(outboxRows()).isEqualTo(eventsBefore);
    // another airline sells on; the refused customer lost nothing of their own limit (3) to the
    // refusal
    Reply elsewhere = null;
    for (int i = 0; i < 3; i++) {
      elsewhere = reserve(lateFlashBuyer, available(otherAirline));
      assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
    }
    assertThat(elsewhere.body().path("airline").asString()).isEqualTo(otherAirline);
  }

  @Test
  void refusesBeforeAnyWriteTransactionOpens() throws Exception {
    String airline = airline("early");
    for (int i = 0; i < 3; i++) {
      assertThat(reserve(refusedEarly, available(airline)).status()).isEqualTo(201);
    }
    TicketCreated wanted = available(airline);
    TransactionsBegun.clear();

    Reply refused = reserve(refusedEarly, wanted);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
    // the replica is read by one statement outside any transaction; the reservation's own never
    // begins
    assertThat(TransactionsBegun.onRequestThreads()).isEmpty();
    Reply admitted = reserve(another, wanted);
    assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
    assertThat(TransactionsBegun.onRequestThreads())
        .anyMatch(transaction -> !transaction.isReadOnly());
  }

  private long ordersFor(TicketCreated ticket) {
    return jdbc.sql("select count(*) from orders where ticket_id = ?")
        .param(ticket.ticketId().toString())
        .query(Long.class)
        .single();
  }

  private long outboxRows() {
    return jdbc.sql("select count(*) from airtix_outbox").query(Long.class).single();
  }

  private TicketCreated available(String airline) {
    TicketCreated ticket = Replicas.availableTicket(airline);
    Replicas.apply(context, ticket);
    return ticket;
  }

  private Reply reserve(String customer, TicketCreated ticket) throws Exception {
    return api.send(
        "POST",
        "/api/orders",
        customer,
        """
        {"ticketId":"%s","price":%s,"currency":"%s"}"""
            .formatted(ticket.ticketId(), ticket.price(), ticket.currency()));
  }

  // each test its own airlines: their buckets start full whatever ran before
  private static String airline(String word) {
    return word + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Every transaction the service begins on a thread serving a request, as Spring's transaction
   * manager sees it.
   */
  @TestConfiguration
  static class TransactionsBegun implements TransactionExecutionListener {

    private static final List<TransactionExecution> begun = new CopyOnWriteArrayList<>();

    static void clear() {
      begun.clear();
    }

    static List<TransactionExecution> onRequestThreads() {
      return List.copyOf(begun);
    }

    @Override
    public void beforeBegin(TransactionExecution transaction) {
      if (Thread.currentThread().getName().startsWith("http-nio-")) {
        begun.add(transaction);
      }
    }
  }

  private static String token(io.airtix.keycloakclient.NewUser user) {
    TestUser created = keycloak.createUser(user);
    return keycloak.login(created).accessToken();
  }
}
