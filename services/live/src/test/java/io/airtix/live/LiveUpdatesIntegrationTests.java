package io.airtix.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.EventEnvelope;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakExtension;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.live.LiveSocketClient;
import io.airtix.testing.live.LiveStreamClient;
import io.airtix.testing.live.Received;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live service against the real things: tokens from Keycloak started from its distribution,
 * events through the machine's RabbitMQ (the service's own fan-out queue), clients that are the
 * JDK's WebSocket client and an SSE reader. Events are published as their owning services publish
 * them.
 */
@ExtendWith(KeycloakExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveUpdatesIntegrationTests {

  static final Duration SOON = Duration.ofSeconds(5);

  private static final KeycloakServer keycloak = LiveTestService.keycloak();
  private static final KeycloakEventBroker broker = LiveTestService.BROKER;
  private static final JsonMapper json = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static Backbone backbone;

  // airlines of this run alone, so events of other tests on the same broker never count
  private static final String AEROLUX = "aerolux-" + Long.toString(System.nanoTime(), 36);
  private static final String BOREAL = "boreal-" + Long.toString(System.nanoTime(), 36);

  private static TestUser alice;
  private static TestUser bob;
  private static TestUser aeroluxAgent;
  private static TestUser aeroluxAdmin;
  private static TestUser borealAgent;

  @LocalServerPort int port;

  @Autowired AmqpAdmin admin;

  @Autowired Declarables liveFeedTopology;

  @DynamicPropertySource
  static void keycloakAndBroker(DynamicPropertyRegistry registry) {
    LiveTestService.register(registry);
  }

  @BeforeAll
  static void people() {
    backbone = new Backbone(broker);
    alice = keycloak.createUser(TestUsers.customer());
    bob = keycloak.createUser(TestUsers.customer());
    aeroluxAgent = keycloak.createUser(TestUsers.member(AEROLUX, "agent"));
    aeroluxAdmin = keycloak.createUser(TestUsers.member(AEROLUX, "tenant-admin"));
    borealAgent = keycloak.createUser(TestUsers.member(BOREAL, "agent"));
  }

  @AfterAll
  static void closeBackbone() {
    backbone.close();
  }

  @BeforeEach
  void feedListens() {
    LiveTestService.awaitFeed(admin, liveFeedTopology);
  }

  @Test
  void anAnonymousCatalogueSubscriberSeesHoldsReleasesAndSalesButNeverWhoHeldOrBought() {
    TicketCreated ticket = EventMother.ticket(AEROLUX);
    try (LiveStreamClient catalogue = stream("?channel=catalogue&airline=" + AEROLUX, Map.of())) {
      assertThat(catalogue.status()).isEqualTo(200);
      catalogue.await("welcome", SOON);

      backbone.publish(ticket);
      Received published = catalogue.await("ticket.published", SOON);
      OrderCreated held = EventMother.order(ticket, alice.id());
      EventEnvelope<OrderCreated> hold = backbone.publish(held);
      Received heldMessage = catalogue.await("ticket.held", SOON);
      backbone.publish(EventMother.expired(held));
      Received released = catalogue.await("ticket.released", SOON);
      OrderCreated bought = EventMother.order(ticket, bob.id());
      backbone.publish(bought);
      backbone.publish(EventMother.completed(bought));
      Received sold = catalogue.await("ticket.sold", SOON);

      assertThat(published.data().path("price").decimalValue()).isEqualByComparingTo("120");
      assertThat(heldMessage.position()).isEqualTo(hold.id().toString());
      for (Received message : List.of(heldMessage, released, sold)) {
        assertThat(message.channel()).isEqualTo("catalogue");
        assertThat(message.data().path("ticketId").asString())
            .isEqualTo(ticket.ticketId().toString());
      }
      for (Received message : catalogue.all()) {
        assertThat(message.message().toString())
            .as("nothing personal on the public catalogue")
            .doesNotContain(alice.id(), bob.id(), "customerId", held.orderId().toString());
      }
    }
  }

  @Test
  void theCatalogueFiltersByRouteDayAndTicket() {
    TicketCreated wanted =
        EventMother.ticket(AEROLUX, "LUX", "OPO", Instant.parse("2027-05-01T07:00:00Z"));
    TicketCreated otherDay =
        EventMother.ticket(AEROLUX, "LUX", "OPO", Instant.parse("2027-05-02T07:00:00Z"));
    TicketCreated otherRoute =
        EventMother.ticket(AEROLUX, "LUX", "MAD", Instant.parse("2027-05-01T07:00:00Z"));
    try (LiveStreamClient filtered = stream("?route=LUX-OPO&date=2027-05-01", Map.of())) {
      filtered.await("welcome", SOON);
      backbone.publish(otherDay);
      backbone.publish(otherRoute);
      backbone.publish(wanted);
      backbone.publish(EventMother.order(otherDay, alice.id()));
      backbone.publish(EventMother.order(wanted, alice.id()));

      filtered.await("ticket.held", SOON);

      assertThat(filtered.all())
          .filteredOn(message -> message.position() != null)
          .allSatisfy(
              message ->
                  assertThat(message.data().path("ticketId").asString())
                      .isEqualTo(wanted.ticketId().toString()));
    }
  }

  @Test
  void anAgentsPriceChangeReachesTheCatalogueWithTheOldPrice() {
    TicketCreated ticket = EventMother.ticket(AEROLUX);
    try (LiveStreamClient catalogue = stream("?ticket=" + ticket.ticketId(), Map.of())) {
      catalogue.await("welcome", SOON);
      backbone.publish(ticket);
      backbone.publish(EventMother.updated(ticket, "99.50"));

      Received changed = catalogue.await("ticket.changed", SOON);

      assertThat(changed.data().path("price").decimalValue()).isEqualByComparingTo("99.50");
      assertThat(changed.data().path("previousPrice").decimalValue()).isEqualByComparingTo("120");
    }
  }

  @Test
  void aCustomerHearsOfTheirOwnOrdersOnlyOverAWebSocket() {
    TicketCreated ticket = EventMother.ticket(BOREAL);
    try (LiveSocketClient aliceSocket = socket(token(alice));
        LiveSocketClient bobSocket = socket(token(bob))) {
      aliceSocket.await("welcome", SOON);
      aliceSocket.send("{\"type\":\"subscribe\",\"channels\":[\"orders\"]}");
      bobSocket.send("{\"type\":\"subscribe\",\"channels\":[\"orders\"]}");
      aliceSocket.await("subscribed", SOON);
      bobSocket.await("subscribed", SOON);

      OrderCreated alicesOrder = EventMother.order(ticket, alice.id());
      backbone.publish(alicesOrder);
      backbone.publish(EventMother.expired(alicesOrder));
      OrderCreated bobsOrder = EventMother.order(ticket, bob.id());
      backbone.publish(bobsOrder);

      Received held = aliceSocket.await("order.held", SOON);
      Received expired = aliceSocket.await("order.expired", SOON);
      bobSocket.await("order.held", SOON);

      assertThat(held.data().path("orderId").asString())
          .isEqualTo(alicesOrder.orderId().toString());
      assertThat(Instant.parse(held.data().path("expiresAt").asString()))
          .isEqualTo(alicesOrder.expiresAt());
      assertThat(expired.data().path("orderId").asString())
          .isEqualTo(alicesOrder.orderId().toString());
      assertThat(bobSocket.all())
          .as("nothing of Alice's on Bob's connection")
          .allSatisfy(
              message ->
                  assertThat(message.message().toString())
                      .doesNotContain(alicesOrder.orderId().toString(), alice.id()));
    }
  }

  @Test
  void aCustomerIsToldTwoMinutesBeforeTheirHoldEnds() {
    TicketCreated ticket = EventMother.ticket(AEROLUX);
    try (LiveStreamClient orders = stream("?channel=orders", bearer(alice))) {
      orders.await("welcome", SOON);
      OrderCreated order =
          EventMother.order(ticket, alice.id(), Duration.ofMinutes(2).plusSeconds(1));

      backbone.publish(order);

      orders.await("order.held", SOON);
      Received ending = orders.await("order.hold-ending", SOON);
      assertThat(ending.data().path("orderId").asString()).isEqualTo(order.orderId().toString());
    }
  }

  @Test
  void anAirlinesChannelCarriesWhatThePolicyLetsEachMemberOfStaffRead() {
    TicketCreated ticket = EventMother.ticket(AEROLUX);
    TicketCreated foreign = EventMother.ticket(BOREAL);
    try (LiveStreamClient agent = stream("?channel=airline:" + AEROLUX, bearer(aeroluxAgent));
        LiveStreamClient admin = stream("?channel=airline:" + AEROLUX, bearer(aeroluxAdmin))) {
      agent.await("welcome", SOON);
      admin.await("welcome", SOON);

      backbone.publish(foreign);
      backbone.publish(EventMother.order(foreign, bob.id()));
      backbone.publish(ticket);
      OrderCreated order = EventMother.order(ticket, alice.id());
      backbone.publish(order);
      backbone.publish(EventMother.paymentStarted(order));
      backbone.publish(EventMother.staffChanged(AEROLUX, "agent"));
      backbone.publish(EventMother.updated(ticket, "130.00"));

      agent.await("ticket.updated", SOON);
      admin.await("ticket.updated", SOON);
      // an agent reads its airline's orders and payments (decision 0035), only a tenant admin its
      // staff
      assertThat(types(agent))
          .containsExactly("ticket.created", "order.created", "payment.started", "ticket.updated");
      assertThat(types(admin))
          .containsExactly(
              "ticket.created",
              "order.created",
              "payment.started",
              "staff.changed",
              "ticket.updated");
      for (Received message : Stream.concat(agent.all().stream(), admin.all().stream()).toList()) {
        if (message.position() != null) {
          assertThat(message.channel()).isEqualTo("airline:" + AEROLUX);
          assertThat(message.data().path("airline").asString()).isEqualTo(AEROLUX);
        }
      }
    }
  }

  @Test
  void refusesPrivateChannelsToWhoeverMayNotFollowThem() {
    assertProblem(stream("?channel=orders", Map.of()), 401);
    assertProblem(stream("?channel=airline:" + AEROLUX, Map.of()), 401);
    assertProblem(stream("?channel=airline:" + AEROLUX, bearer(borealAgent)), 403);
    assertProblem(stream("?channel=airline:" + AEROLUX, bearer(alice)), 403);
    assertProblem(stream("?channel=everything", Map.of()), 400);
    assertProblem(stream("?route=Luxembourg", Map.of()), 400);
    assertProblem(stream("?date=tomorrow", Map.of()), 400);
    assertProblem(stream("?chanel=catalogue", Map.of()), 400);
  }

  @Test
  void refusesForgedAndExpiredTokensAtConnect() throws Exception {
    String token = token(alice);
    String forged =
        token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    String expired = keycloak.expiredAccessToken(alice);

    assertProblem(stream("?channel=orders", Map.of("Authorization", "Bearer " + forged)), 401);
    assertProblem(stream("?channel=orders", Map.of("Authorization", "Bearer " + expired)), 401);
    assertProblem(stream("?pass=not-a-pass", Map.of()), 401);
    assertThat(handshakeStatus(Map.of("Authorization", "Bearer " + expired), "")).isEqualTo(401);
    assertThat(handshakeStatus(Map.of(), "?pass=bm90LWEtcGFzcw")).isEqualTo(401);
    assertThat(passStatus(forged)).isEqualTo(401);
  }

  @Test
  void aPassOpensTheStreamAndTheSocketWithoutATokenInTheAddress() throws Exception {
    JsonNode pass = pass(token(alice));
    assertThat(Instant.parse(pass.path("expiresAt").asString())).isAfter(Instant.now());
    TicketCreated ticket = EventMother.ticket(AEROLUX);

    try (LiveStreamClient orders =
            stream("?channel=orders&pass=" + pass.path("pass").asString(), Map.of());
        LiveSocketClient socket = socketAt("?pass=" + pass.path("pass").asString(), Map.of())) {
      orders.await("welcome", SOON);
      socket.await("welcome", SOON);
      socket.send("{\"type\":\"subscribe\",\"channels\":[\"orders\"]}");
      socket.await("subscribed", SOON);
      OrderCreated order = EventMother.order(ticket, alice.id());
      backbone.publish(order);

      assertThat(orders.await("order.held", SOON).data().path("orderId").asString())
          .isEqualTo(order.orderId().toString());
      assertThat(socket.await("order.held", SOON).data().path("orderId").asString())
          .isEqualTo(order.orderId().toString());
      assertThat(pass.path("pass").asString()).doesNotContain(alice.id());
    }
  }

  @Test
  void aStreamResumesAfterItsLastEventIdAndAnUnknownPositionIsToldToResync() {
    TicketCreated ticket = EventMother.ticket(AEROLUX);
    String seen;
    try (LiveStreamClient first = stream("?ticket=" + ticket.ticketId(), Map.of())) {
      first.await("welcome", SOON);
      backbone.publish(ticket);
      first.await("ticket.published", SOON);
      seen = first.lastPosition();
    }
    try (LiveStreamClient watcher = stream("?ticket=" + ticket.ticketId(), Map.of())) {
      watcher.await("welcome", SOON);
      OrderCreated order = EventMother.order(ticket, alice.id());
      backbone.publish(order);
      backbone.publish(EventMother.expired(order));
      // the service has the events before the client comes back
      watcher.await("ticket.released", SOON);
    }

    try (LiveStreamClient back =
            stream("?ticket=" + ticket.ticketId(), Map.of("Last-Event-ID", seen));
        LiveStreamClient lost =
            stream(
                "?ticket=" + ticket.ticketId(),
                Map.of("Last-Event-ID", UUID.randomUUID().toString()))) {
      back.await("ticket.held", SOON);
      back.await("ticket.released", SOON);
      assertThat(types(back)).containsExactly("ticket.held", "ticket.released");
      Received resync = lost.await("resync", SOON);
      assertThat(resync.data().path("reason").asString()).isEqualTo("position-unknown");
    }
  }

  @Test
  void signingOutEndsTheConnectionWithinTwoSeconds() throws Exception {
    TestUser carol = keycloak.createUser(TestUsers.customer());
    Tokens tokens = keycloak.login(carol);
    try (LiveStreamClient stream =
            stream("?channel=orders", Map.of("Authorization", "Bearer " + tokens.accessToken()));
        LiveSocketClient socket = socket(tokens.accessToken())) {
      stream.await("welcome", SOON);
      socket.await("welcome", SOON);

      long start = System.nanoTime();
      keycloak.logOut(tokens);
      Received goodbye = stream.await("goodbye", Duration.ofSeconds(5));
      Duration delay = Duration.ofNanos(System.nanoTime() - start);
      socket.await("goodbye", SOON);

      System.out.printf(
          "live: a signed-out connection ended %d ms after the sign-out%n", delay.toMillis());
      assertThat(delay).isLessThan(Duration.ofSeconds(2));
      assertThat(goodbye.data().path("reason").asString()).isEqualTo("revoked");
      Awaitility.await().atMost(SOON).until(stream::isEnded);
      Awaitility.await().atMost(SOON).until(socket::isEnded);
    }
  }

  @Test
  void aBanEndsTheConnectionWithinTwoSeconds() {
    TestUser dave = keycloak.createUser(TestUsers.customer());
    try (LiveSocketClient socket = socket(token(dave))) {
      socket.await("welcome", SOON);
      var user = keycloak.airtixRealm().resource().users().get(dave.id());
      UserRepresentation representation = user.toRepresentation();

      long start = System.nanoTime();
      representation.setEnabled(false);
      user.update(representation);
      socket.await("goodbye", Duration.ofSeconds(5));
      Duration delay = Duration.ofNanos(System.nanoTime() - start);

      assertThat(delay).isLessThan(Duration.ofSeconds(2));
      Awaitility.await().atMost(SOON).until(socket::isEnded);
    }
  }

  @Test
  void aSocketRenewsItsTokenInBand() {
    Tokens tokens = keycloak.login(alice);
    try (LiveSocketClient socket = socket(tokens.accessToken())) {
      socket.await("welcome", SOON);

      socket.send(
          "{\"type\":\"authenticate\",\"token\":\""
              + keycloak.refresh(tokens).accessToken()
              + "\"}");
      Received renewed = socket.await("authenticated", SOON);
      socket.send("{\"type\":\"authenticate\",\"token\":\"" + token(bob) + "\"}");
      Received someoneElse = socket.await("error", SOON);
      socket.send("{\"type\":\"subscribe\",\"channels\":[\"airline:" + AEROLUX + "\"]}");
      Received forbidden = socket.await("error", SOON);
      socket.send("not json");
      Received malformed = socket.await("error", SOON);

      assertThat(Instant.parse(renewed.data().path("expiresAt").asString())).isAfter(Instant.now());
      assertThat(someoneElse.data().path("status").asInt()).isEqualTo(401);
      assertThat(forbidden.data().path("status").asInt()).isEqualTo(403);
      assertThat(malformed.data().path("status").asInt()).isEqualTo(400);
      assertThat(socket.isEnded()).isFalse();
    }
  }

  private static List<String> types(LiveStreamClient client) {
    return client.all().stream()
        .filter(message -> message.position() != null)
        .map(Received::type)
        .toList();
  }

  private LiveStreamClient stream(String query, Map<String, String> headers) {
    return LiveStreamClient.open(
        URI.create("http://localhost:" + port + "/api/live/stream" + query), headers);
  }

  private LiveSocketClient socket(String token) {
    return socketAt("", Map.of("Authorization", "Bearer " + token));
  }

  private LiveSocketClient socketAt(String query, Map<String, String> headers) {
    return LiveSocketClient.connect(
        URI.create("ws://localhost:" + port + "/api/live" + query), headers);
  }

  private int handshakeStatus(Map<String, String> headers, String query) {
    try {
      socketAt(query, headers);
      return 101;
    } catch (CompletionException refused) {
      return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
    }
  }

  private static void assertProblem(LiveStreamClient answer, int status) {
    try (answer) {
      assertThat(answer.status()).isEqualTo(status);
      assertThat(answer.response().headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      JsonNode problem = json.readTree(answer.body());
      assertThat(problem.path("status").asInt()).isEqualTo(status);
      assertThat(problem.path("detail").asString()).isNotBlank();
    }
  }

  private JsonNode pass(String token) throws Exception {
    HttpResponse<String> answer = passRequest(token);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return json.readTree(answer.body());
  }

  private int passStatus(String token) throws Exception {
    return passRequest(token).statusCode();
  }

  private HttpResponse<String> passRequest(String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/live/passes"))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String token(TestUser user) {
    return keycloak.login(user).accessToken();
  }

  private static Map<String, String> bearer(TestUser user) {
    return Map.of("Authorization", "Bearer " + token(user));
  }
}
