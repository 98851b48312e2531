package io.airtix.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.keycloakclient.NewUser;
import io.airtix.launcher.demo.DemoAuthenticators;
import io.airtix.launcher.demo.DemoCatalog;
import io.airtix.launcher.demo.DemoTicket;
import io.airtix.launcher.keycloak.AdminPassword;
import io.airtix.launcher.keycloak.KeycloakAdmin;
import io.airtix.testing.database.DatabaseScan;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.live.LiveSocketClient;
import io.airtix.testing.live.LiveStreamClient;
import io.airtix.testing.live.Received;
import io.airtix.testing.sale.SaleSteps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.springframework.amqp.AmqpAuthenticationException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged launcher as a person runs it: {@code java -jar airtix-launcher.jar} in a process of
 * its own, on a fresh data folder, used through the gateway with tokens from real logins, its
 * events read from the embedded broker, stopped the way a service manager (SIGTERM) and a person at
 * the terminal (Ctrl-C, SIGINT) stop it, and started again on the same data.
 *
 * <p>The steps build on each other, in order: the first start unpacks and builds Keycloak and
 * creates the demo data, the later ones find it all in place.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class StandaloneLaunchIntegrationTests {

  private static final Duration TOKEN_COMMAND_PATIENCE = Duration.ofSeconds(60);

  private static final String UNPACKING = "Unpacking Keycloak";
  private static final String DEMO_DATA_FAILED = "Could not create the demo data";

  private static final URI KEYCLOAK = URI.create("http://localhost:8180");
  private static final URI WEB_REDIRECT = URI.create("http://localhost:8080/callback");
  private static final URI TICKETS = URI.create("http://localhost:8080/api/tickets");
  private static final URI AIRLINES = URI.create("http://localhost:8080/api/airlines");
  private static final URI ORDERS = URI.create("http://localhost:8080/api/orders");

  /** The live service's doors, through the gateway as the apps use them. */
  private static final URI LIVE_STREAM = URI.create("http://localhost:8080/api/live/stream");

  private static final URI LIVE_SOCKET = URI.create("ws://localhost:8080/api/live");
  private static final URI LIVE_PASSES = URI.create("http://localhost:8080/api/live/passes");

  /** What a browser on the gateway's own page sends with a WebSocket handshake. */
  private static final String OWN_ORIGIN = "http://localhost:8080";

  /** How soon a catalogue subscriber must see another traveller's hold. */
  private static final Duration LIVE_HOLD_DELAY = Duration.ofSeconds(1);

  /** The ticket the agent lists for the live steps, then reprices. */
  private static final String LIVE_FLIGHT = "AX905";

  /**
   * How long a reservation holds its ticket: given to the launcher as the environment variable
   * AIRTIX_ORDERS_HOLD, as a person would shorten it, which binds to the orders service's
   * airtix.orders.hold (15 minutes by default). Long enough for the steps between a reservation and
   * its cancellation, short enough to watch a hold run out.
   */
  private static final Duration HOLD = Duration.ofSeconds(30);

  private static final String HOLD_VARIABLE = "AIRTIX_ORDERS_HOLD";

  /** The demo ticket whose hold the traveller lets run out. */
  private static final String EXPIRING_FLIGHT = "AX205";

  /**
   * The demo ticket the traveller reserves; the reservation is cancelled again, so the catalogue
   * ends as it began.
   */
  private static final String RESERVED_FLIGHT = "AX101";

  /**
   * Keycloak's admin console logs people in with its own client, redirecting to the console of the
   * realm.
   */
  private static final String CONSOLE_CLIENT = "security-admin-console";

  private static final URI CONSOLE_REDIRECT =
      URI.create("http://localhost:8180/admin/airtix/console/");
  private static final URI CONSOLE_USERS =
      URI.create("http://localhost:8180/admin/realms/airtix/users");

  /** The embedded event broker's AMQP port (libs/broker's standalone port). */
  private static final int BROKER_PORT = 5673;

  private static final Duration EVENT_PATIENCE = Duration.ofSeconds(20);
  private static final String BROKER_READY = "Event broker ready after";

  /** Every port Airtix listens on; 3025 and 8025 are the mail catcher's SMTP port and page. */
  private static final List<Integer> PORTS =
      List.of(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8180, 9180, BROKER_PORT, 3025, 8025);

  /** As the README and the start-up summary publish it. */
  private static final String DEMO_PASSWORD = "Demo-Passw0rd-2026!";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final List<Launch> launches = new ArrayList<>();
  private final List<String> createdFlights = new ArrayList<>();
  private final List<String> report = new ArrayList<>();
  private String reservedTicketId;
  private String travellersOrderId;

  /** The live steps' ticket, order and connections, open from one step to the next. */
  private String liveTicketId;

  private String liveOrderId;
  private Instant liveReservedAt;
  private LiveStreamClient catalogueWatcher;
  private LiveSocketClient travellersSocket;

  private Path jar;
  private Path dataDir;

  @BeforeAll
  void freshDataFolderAndFreePorts() throws IOException {
    jar = Path.of(requiredProperty("airtix.launcher.jar"));
    assertThat(jar).as("the packaged launcher; the package phase builds it").isRegularFile();
    dataDir = Path.of(requiredProperty("airtix.launcher.target")).resolve("standalone-launch");
    deleteRecursively(dataDir);
    Files.createDirectories(dataDir);
    for (int port : PORTS) {
      assertThat(Launch.isListening(port))
          .as(
              "port %d is in use: another Airtix or Keycloak runs on this machine; stop it first",
              port)
          .isFalse();
    }
  }

  @AfterAll
  void stopWhateverStillRunsAndReportStartTimes() {
    closeLiveConnections();
    launches.forEach(Launch::stopForcefully);
    report.forEach(line -> System.out.println("[standalone launch] " + line));
  }

  @Test
  @Order(1)
  void firstStartUnpacksKeycloakAndCreatesDemoData() {
    Launch launch = start("first");

    assertThat(launch.output())
        .doesNotContain(DEMO_DATA_FAILED)
        .contains(
            UNPACKING,
            BROKER_READY,
            "Demo data created: 6 accounts, 2 airlines, 2 staff members, 6 tickets",
            "./airtix otp aerolux-admin");
    // the admins set up their authenticator app when the demo first logged them in; nobody else had
    // to
    DemoAuthenticators authenticators = new DemoAuthenticators(dataDir);
    assertThat(List.of("platform-admin", "aerolux-admin", "boreal-admin"))
        .allSatisfy(admin -> assertThat(authenticators.setUp(admin)).as(admin).isPresent());
    assertThat(List.of("aerolux-agent", "boreal-agent", "traveller"))
        .allSatisfy(person -> assertThat(authenticators.setUp(person)).as(person).isEmpty());
    report.add("cold start: " + launch.reportedStartTime());
  }

  @Test
  @Order(2)
  void offersNoSocialSignInWithoutItsOptions() {
    try (Keycloak admin = KeycloakAdmin.connect(KEYCLOAK, AdminPassword.of(dataDir))) {
      assertThat(admin.realm(AirtixRealm.NAME).identityProviders().findAll()).isEmpty();
    }
    URI signIn =
        KEYCLOAK.resolve(
            "/realms/airtix/protocol/openid-connect/auth?client_id=airtix-web&response_type=code"
                + "&scope=openid&redirect_uri="
                + WEB_REDIRECT
                + "&code_challenge_method=S256"
                + "&code_challenge="
                + "A".repeat(43));
    HttpResponse<String> page = send(HttpRequest.newBuilder(signIn).GET(), null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"kc-form-login\"").doesNotContain("id=\"social-");
  }

  @Test
  @Order(3)
  void gatewayShowsEveryAirlinesDemoTicketsToAnyone() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(TICKETS).GET(), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(flightNumbers(response)).containsExactlyInAnyOrderElementsOf(demoFlights());
  }

  @Test
  @Order(4)
  void platformAdminSeesBothDemoAirlinesThroughGateway() {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(AIRLINES).GET(), login("platform-admin"));

    assertThat(response.statusCode()).as("GET %s: %s", AIRLINES, response.body()).isEqualTo(200);
    assertThat(itemValues(response, "alias")).containsExactlyInAnyOrder("aerolux", "boreal");
  }

  @Test
  @Order(5)
  void tenantAdminSeesOwnAirlinesStaffOnly() {
    String tenantAdmin = login("aerolux-admin");

    HttpResponse<String> own =
        send(
            HttpRequest.newBuilder(AIRLINES.resolve("/api/airlines/aerolux/staff")).GET(),
            tenantAdmin);
    assertThat(own.statusCode()).as("own staff: %s", own.body()).isEqualTo(200);
    assertThat(itemValues(own, "username"))
        .containsExactlyInAnyOrder("aerolux-admin", "aerolux-agent");

    HttpResponse<String> other =
        send(
            HttpRequest.newBuilder(AIRLINES.resolve("/api/airlines/boreal/staff")).GET(),
            tenantAdmin);
    assertThat(other.statusCode()).as("another airline's staff: %s", other.body()).isEqualTo(404);
  }

  @Test
  @Order(6)
  void tenantAdminSeesOnlyOwnStaffInAdminConsole() {
    String consoleToken = login(CONSOLE_CLIENT, CONSOLE_REDIRECT, "aerolux-admin");

    HttpResponse<String> users = send(HttpRequest.newBuilder(CONSOLE_USERS).GET(), consoleToken);

    assertThat(users.statusCode()).as("GET %s: %s", CONSOLE_USERS, users.body()).isEqualTo(200);
    List<String> usernames = new ArrayList<>();
    json.readTree(users.body()).forEach(user -> usernames.add(user.path("username").asString()));
    assertThat(usernames).containsExactlyInAnyOrder("aerolux-admin", "aerolux-agent");
  }

  @Test
  @Order(7)
  void agentSellsTicketsOfOwnAirlineOnly() {
    String agent = login("aerolux-agent");

    assertThat(createTicket("aerolux", "AX901", agent).statusCode()).isEqualTo(201);
    createdFlights.add("AX901");
    assertThat(createTicket("boreal", "BR901", agent).statusCode()).isEqualTo(403);
  }

  /**
   * The services and Keycloak sign in to the event broker with accounts of their own (decision
   * 0029): the well-known default account is no way in. That the events flow under those accounts
   * shows in the reservation below, which both services learn of from each other's events.
   */
  @Test
  @Order(8)
  void eventBrokerAdmitsOnlyTheAccountsOfAirtix() throws IOException {
    CachingConnectionFactory guest = new CachingConnectionFactory("localhost", BROKER_PORT);
    guest.setUsername("guest");
    guest.setPassword("guest");
    try {
      assertThatThrownBy(guest::createConnection).isInstanceOf(AmqpAuthenticationException.class);
    } finally {
      guest.destroy();
    }
    assertThat(Files.readString(dataDir.resolve("broker/access-rules.acl")))
        .contains("ACL ALLOW airtix-payments PUBLISH EXCHANGE name=\"airtix.events\"")
        .contains("ACL ALLOW airtix-live CONSUME QUEUE name=\"live.*\"")
        .doesNotContain("ACL ALLOW airtix-live PUBLISH EXCHANGE name=\"airtix.events\"")
        .endsWith("ACL DENY-LOG ALL ALL\n");
  }

  @Test
  @Order(9)
  void travellerMayNotSellTickets() {
    assertThat(createTicket("aerolux", "AX902", login("traveller")).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(10)
  void nobodyMaySellTicketsWithoutToken() {
    HttpResponse<String> refused = createTicket("aerolux", "AX903", null);

    assertThat(refused.statusCode()).isEqualTo(401);
    // the address a client is pointed to is the one it called, never a service's own port
    assertThat(refused.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            challenge ->
                assertThat(challenge)
                    .startsWith("Bearer")
                    .contains("resource_metadata=\"http://localhost:8080/")
                    .doesNotContain(":8081"));
  }

  @Test
  @Order(11)
  void tokenCommandPrintsTokenTheGatewayAccepts() {
    CommandResult result = runTokenCommand("aerolux-agent");

    assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isZero();
    String token = result.stdout().strip();
    assertThat(token)
        .as("stdout holds the token and nothing else")
        .doesNotContain("\n", " ")
        .matches(".+\\..+\\..+");
    assertThat(send(HttpRequest.newBuilder(TICKETS).GET(), token).statusCode()).isEqualTo(200);
    // the imported realm gives nobody offline access (the extension takes it out of the defaults)
    assertThat(KeycloakServer.claims(token).toString())
        .contains("\"customer\"")
        .doesNotContain("offline_access");
    assertThat(createTicket("aerolux", "AX904", token).statusCode()).isEqualTo(201);
    createdFlights.add("AX904");
    report.add("token command: " + result.duration().toMillis() + " ms");
  }

  /**
   * The sale's events in both directions: the orders service learnt the demo ticket from the
   * tickets service's events, and the tickets service learns of the reservation from the orders
   * service's.
   */
  @Test
  @Order(12)
  void travellerReservesDemoTicketThroughGatewayAndTicketsServiceHoldsIt() {
    JsonNode ticket = demoTicket(RESERVED_FLIGHT);
    reservedTicketId = ticket.path("id").asString();
    String traveller = login("traveller");

    // the demo tickets reach the orders service's replica by events, which may still be on their
    // way (404 until then)
    AtomicReference<HttpResponse<String>> reservation = new AtomicReference<>();
    await()
        .atMost(EVENT_PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              reservation.set(reserve(ticket, traveller));
              return reservation.get().statusCode() != 404;
            });
    Instant reservedAt = Instant.now();

    HttpResponse<String> created = reservation.get();
    assertThat(created.statusCode()).as("POST %s: %s", ORDERS, created.body()).isEqualTo(201);
    JsonNode order = json.readTree(created.body());
    travellersOrderId = order.path("id").asString();
    assertThat(order.path("status").asString()).isEqualTo("CREATED");
    assertThat(Instant.parse(order.path("expiresAt").asString()))
        .isBetween(
            reservedAt.plus(HOLD).minus(Duration.ofMinutes(1)),
            reservedAt.plus(HOLD).plusSeconds(5));
    await()
        .atMost(EVENT_PATIENCE)
        .untilAsserted(
            () ->
                assertThat(ticketStatus(reservedTicketId))
                    .as("the reserved ticket's status")
                    .isEqualTo("RESERVED"));
  }

  @Test
  @Order(13)
  void ticketHeldForTravellerCannotBeReservedByAnotherAccount() {
    assertThat(reservedTicketId).as("the ticket the traveller reserved").isNotNull();
    // staff hold the realm's default role customer too, so an agent may reserve for themselves
    HttpResponse<String> second = reserve(demoTicket(RESERVED_FLIGHT), login("boreal-agent"));

    assertThat(second.statusCode()).as("POST %s: %s", ORDERS, second.body()).isEqualTo(409);
  }

  @Test
  @Order(14)
  void travellerCancelsReservationAndTicketIsAvailableAgain() {
    assertThat(travellersOrderId).as("the traveller's order").isNotNull();
    URI cancel = ORDERS.resolve("/api/orders/" + travellersOrderId + "/cancel");

    HttpResponse<String> cancelled =
        send(HttpRequest.newBuilder(cancel).POST(BodyPublishers.noBody()), login("traveller"));

    assertThat(cancelled.statusCode()).as("POST %s: %s", cancel, cancelled.body()).isEqualTo(200);
    assertThat(json.readTree(cancelled.body()).path("status").asString()).isEqualTo("CANCELLED");
    await()
        .atMost(EVENT_PATIENCE)
        .untilAsserted(
            () ->
                assertThat(ticketStatus(reservedTicketId))
                    .as("the released ticket's status")
                    .isEqualTo("AVAILABLE"));
  }

  /**
   * The sale's whole loop through the gateway: the orders service publishes the reservation, the
   * expiration service schedules its deadline and, when the hold runs out, publishes order.expired;
   * the orders service cancels the unpaid order and the tickets service frees the ticket.
   */
  @Test
  @Order(15)
  void travellersHoldRunsOutAndTicketIsAvailableAgain() {
    JsonNode ticket = demoTicket(EXPIRING_FLIGHT);
    String ticketId = ticket.path("id").asString();
    String traveller = login("traveller");

    Instant beforeReserving = Instant.now();
    HttpResponse<String> created = reserve(ticket, traveller);

    assertThat(created.statusCode()).as("POST %s: %s", ORDERS, created.body()).isEqualTo(201);
    String orderId = json.readTree(created.body()).path("id").asString();
    await()
        .atMost(EVENT_PATIENCE)
        .untilAsserted(
            () ->
                assertThat(ticketStatus(ticketId))
                    .as("the reserved ticket's status")
                    .isEqualTo("RESERVED"));
    await()
        .atMost(HOLD.plus(EVENT_PATIENCE))
        .untilAsserted(
            () ->
                assertThat(ticketStatus(ticketId))
                    .as("the ticket's status after the hold")
                    .isEqualTo("AVAILABLE"));
    assertThat(Instant.now())
        .as("not released before the hold ran out")
        .isAfter(beforeReserving.plus(HOLD));
    URI order = ORDERS.resolve("/api/orders/" + orderId);
    HttpResponse<String> expired = send(HttpRequest.newBuilder(order).GET(), login("traveller"));
    assertThat(expired.statusCode()).as("GET %s: %s", order, expired.body()).isEqualTo(200);
    assertThat(json.readTree(expired.body()).path("status").asString()).isEqualTo("CANCELLED");
    assertThat(json.readTree(expired.body()).path("cancellationReason").asString())
        .isEqualTo("EXPIRED");
  }

  /**
   * A traveller buys a ticket, then their account is deleted in Keycloak. Keycloak's event reaches
   * every service through the embedded broker; afterwards no service's database (every SQLite file
   * of the data folder) holds the person's e-mail address or name, the sale is kept without them,
   * and the log says so without naming them.
   */
  @Test
  @Order(16)
  void deletedTravellerLeavesNoTraceInAnyServicesDatabaseAndTheSaleIsKept() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    NewUser person =
        NewUser.customer(
            "erase-me-" + marker,
            "erase-me-" + marker + "@example.org",
            "Erasmus" + marker,
            "Forgetful" + marker,
            DEMO_PASSWORD);
    List<String> personal = List.of(person.email(), person.firstName(), person.lastName());
    String personId;
    try (Keycloak admin = KeycloakAdmin.connect(KEYCLOAK, AdminPassword.of(dataDir))) {
      personId = new AirtixRealm(admin).createUser(person);
    }
    SaleSteps sale = new SaleSteps(URI.create("http://localhost:8080"));
    String traveller = login(person.username());
    JsonNode ticket = sale.listTicket(login("aerolux-agent"), "aerolux");
    createdFlights.add(ticket.path("flightNumber").asString());
    JsonNode order = sale.reserve(ticket, traveller);
    String orderId = order.path("id").asString();
    JsonNode payment = sale.startPayment(order, traveller);
    HttpResponse<String> paid =
        sale.send(
            "POST",
            "/api/payments/" + payment.path("id").asString() + "/simulated-confirmation",
            traveller,
            """
        {"outcome":"SUCCEEDED"}""");
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    await()
        .atMost(EVENT_PATIENCE)
        .untilAsserted(
            () ->
                assertThat(sale.get("/api/orders/" + orderId, traveller).path("status").asString())
                    .isEqualTo("COMPLETED"));
    assertThat(servicesDatabases())
        .as("the services' databases in %s", dataDir)
        .extracting(file -> file.getFileName().toString())
        .contains("tickets.db", "orders.db", "expiration.db", "payments.db");
    assertThat(cellsHolding(person.email()))
        .as("the orders service keeps the address for receipts")
        .isNotEmpty();

    try (Keycloak admin = KeycloakAdmin.connect(KEYCLOAK, AdminPassword.of(dataDir))) {
      admin.realm(AirtixRealm.NAME).users().delete(personId).close();
    }

    await()
        .atMost(EVENT_PATIENCE)
        .untilAsserted(
            () -> {
              for (String value : personal) {
                assertThat(cellsHolding(value)).as("cells holding '%s'", value).isEmpty();
              }
            });
    try (Connection orders =
        DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("orders.db"))) {
      try (PreparedStatement sold =
          orders.prepareStatement("SELECT status, customer_id FROM orders WHERE id = ?")) {
        sold.setString(1, orderId);
        try (ResultSet row = sold.executeQuery()) {
          assertThat(row.next()).as("the sale is kept").isTrue();
          assertThat(row.getString("status")).isEqualTo("COMPLETED");
          assertThat(row.getString("customer_id")).isNotEqualTo(personId);
        }
      }
    }
    assertThat(
            Launch.read(dataDir.resolve("logs/airtix.log"))
                .lines()
                .filter(line -> line.contains("Erased a deleted account"))
                .toList())
        .as("the erasure's log lines")
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .doesNotContain(
                        person.email(),
                        person.firstName(),
                        person.lastName(),
                        person.username(),
                        personId));
  }

  /**
   * The live service in the launcher's JVM, through the gateway: traveller B watches the public
   * catalogue for one ticket (anonymous Server-Sent Events) while the traveller, A, listens to
   * their own orders on a WebSocket opened with a pass, from the gateway's own page. A reserves the
   * ticket through the orders API; B learns it is held within a second, and nothing of who holds
   * it.
   */
  @Test
  @Order(17)
  void catalogueWatcherSeesAnotherTravellersHoldWithinASecond() {
    String agent = login("aerolux-agent");
    HttpResponse<String> listed = createTicket("aerolux", LIVE_FLIGHT, agent);
    assertThat(listed.statusCode()).as("POST %s: %s", TICKETS, listed.body()).isEqualTo(201);
    createdFlights.add(LIVE_FLIGHT);
    JsonNode ticket = json.readTree(listed.body());
    liveTicketId = ticket.path("id").asString();

    String traveller = login("traveller");
    HttpResponse<String> pass =
        send(HttpRequest.newBuilder(LIVE_PASSES).POST(BodyPublishers.noBody()), traveller);
    assertThat(pass.statusCode()).as("POST %s: %s", LIVE_PASSES, pass.body()).isEqualTo(201);
    travellersSocket =
        LiveSocketClient.connect(
            URI.create(LIVE_SOCKET + "?pass=" + json.readTree(pass.body()).path("pass").asString()),
            Map.of("Origin", OWN_ORIGIN));
    travellersSocket.await("welcome", EVENT_PATIENCE);
    travellersSocket.send("{\"type\":\"subscribe\",\"channels\":[\"orders\"]}");
    travellersSocket.await("subscribed", EVENT_PATIENCE);
    catalogueWatcher =
        LiveStreamClient.open(URI.create(LIVE_STREAM + "?ticket=" + liveTicketId), Map.of());
    assertThat(catalogueWatcher.status()).as("GET %s", LIVE_STREAM).isEqualTo(200);
    catalogueWatcher.await("welcome", EVENT_PATIENCE);

    // the new ticket reaches the orders service's replica by events (404 until then); the delay
    // counts from the request that reserved it, so it includes that request's own time
    AtomicReference<HttpResponse<String>> reservation = new AtomicReference<>();
    AtomicReference<Instant> reserving = new AtomicReference<>();
    await()
        .atMost(EVENT_PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              reserving.set(Instant.now());
              reservation.set(reserve(ticket, traveller));
              return reservation.get().statusCode() != 404;
            });
    HttpResponse<String> created = reservation.get();
    assertThat(created.statusCode()).as("POST %s: %s", ORDERS, created.body()).isEqualTo(201);
    Received held = catalogueWatcher.await("ticket.held", EVENT_PATIENCE);
    Duration delay = Duration.between(reserving.get(), Instant.now());
    liveReservedAt = reserving.get();
    liveOrderId = json.readTree(created.body()).path("id").asString();
    report.add("reservation to ticket.held on the catalogue: " + delay.toMillis() + " ms");
    System.out.println(
        "[standalone launch] reservation to ticket.held on the catalogue: "
            + delay.toMillis()
            + " ms");

    assertThat(delay)
        .as("from the reservation to the catalogue's ticket.held")
        .isLessThan(LIVE_HOLD_DELAY);
    assertThat(held.channel()).isEqualTo("catalogue");
    assertThat(held.data().path("ticketId").asString()).isEqualTo(liveTicketId);
    assertThat(held.message().toString())
        .as("nothing personal on the public catalogue")
        .doesNotContain(liveOrderId, "customerId");
    Received ownHold = travellersSocket.await("order.held", EVENT_PATIENCE);
    assertThat(ownHold.data().path("orderId").asString()).isEqualTo(liveOrderId);
  }

  /**
   * The hold runs out (HOLD): the expiration service ends it, the orders service cancels the order,
   * and the live service tells the traveller on their own channel and the catalogue that the ticket
   * is free again.
   */
  @Test
  @Order(18)
  void travellerAndCatalogueHearLiveThatTheHoldRanOut() {
    assertThat(liveOrderId).as("the order of the live steps").isNotNull();

    Received expired = travellersSocket.await("order.expired", HOLD.plus(EVENT_PATIENCE));
    Received released = catalogueWatcher.await("ticket.released", EVENT_PATIENCE);

    report.add(
        "reservation to order.expired on the traveller's socket: "
            + Duration.between(liveReservedAt, Instant.now()).toMillis()
            + " ms (hold "
            + HOLD.toSeconds()
            + " s)");
    assertThat(Instant.now()).as("not before the hold ran out").isAfter(liveReservedAt.plus(HOLD));
    assertThat(expired.channel()).isEqualTo("orders");
    assertThat(expired.data().path("orderId").asString()).isEqualTo(liveOrderId);
    assertThat(expired.data().path("ticketId").asString()).isEqualTo(liveTicketId);
    assertThat(released.data().path("ticketId").asString()).isEqualTo(liveTicketId);
    assertThat(released.message().toString()).doesNotContain(liveOrderId);
    assertThat(travellersSocket.isEnded()).as("the traveller's socket stays open").isFalse();
  }

  /** An agent reprices the ticket through the tickets API; the catalogue watcher sees it. */
  @Test
  @Order(19)
  void catalogueWatcherSeesTheAgentsNewPrice() {
    assertThat(liveTicketId).as("the ticket of the live steps").isNotNull();
    // the tickets service frees the ticket from the same event; an edit before would be stale
    await()
        .atMost(EVENT_PATIENCE)
        .untilAsserted(() -> assertThat(ticketStatus(liveTicketId)).isEqualTo("AVAILABLE"));
    String agent = login("aerolux-agent");

    Instant repricing = Instant.now();
    new SaleSteps(URI.create("http://localhost:8080")).reprice(liveTicketId, agent, "84.50");
    Received changed = catalogueWatcher.await("ticket.changed", EVENT_PATIENCE);

    report.add(
        "price change to ticket.changed on the catalogue: "
            + Duration.between(repricing, Instant.now()).toMillis()
            + " ms");
    assertThat(changed.data().path("ticketId").asString()).isEqualTo(liveTicketId);
    assertThat(changed.data().path("price").decimalValue()).isEqualByComparingTo("84.50");
    assertThat(changed.data().path("previousPrice").decimalValue()).isEqualByComparingTo("99");
  }

  /**
   * Every series an alert of infra/observability watches is one a service of this Airtix exposes on
   * its management port, so no alert waits on a name nothing reports. Keycloak's series are left
   * out: the standalone Keycloak runs without its metrics.
   */
  @Test
  @Order(20)
  void everySeriesTheAlertsWatchIsExposedByAService() throws Exception {
    String alerts =
        Files.readString(
            Path.of(
                System.getProperty("airtix.root"), "infra/observability/prometheus/alerts.yml"));
    Set<String> watched = new TreeSet<>();
    Matcher series =
        Pattern.compile("\\b(airtix_[a-z_]+|http_server_requests_[a-z_]+)").matcher(alerts);
    while (series.find()) {
      watched.add(series.group(1));
    }
    StringBuilder exposed = new StringBuilder();
    for (int port : List.of(8090, 9081, 9082, 9083, 9084, 9085, 9086)) {
      HttpResponse<String> scrape =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                  .build(),
              BodyHandlers.ofString());
      assertThat(scrape.statusCode()).as("the management port %d", port).isEqualTo(200);
      exposed.append(scrape.body());
    }

    assertThat(watched)
        .as("names read from the rules")
        .contains(
            "airtix_outbox_oldest_pending_age_seconds",
            "airtix_payments_refunds_total",
            "http_server_requests_seconds_bucket");
    assertThat(watched)
        .allSatisfy(
            name ->
                assertThat(exposed)
                    .as("a series named %s", name)
                    .containsPattern("(?m)^" + name + "[{ ]"));
  }

  /**
   * A page of another origin cannot open a live socket in a visitor's name: the gateway refuses the
   * handshake before it reaches the live service.
   */
  @Test
  @Order(21)
  void gatewayRefusesALiveSocketFromAForeignPage() {
    closeLiveConnections();

    assertThatThrownBy(
            () -> LiveSocketClient.connect(LIVE_SOCKET, Map.of("Origin", "http://evil.example")))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(403));
  }

  private void closeLiveConnections() {
    if (catalogueWatcher != null) {
      catalogueWatcher.close();
      catalogueWatcher = null;
    }
    if (travellersSocket != null) {
      travellersSocket.close();
      travellersSocket = null;
    }
  }

  private List<Path> servicesDatabases() throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".db")).sorted().toList();
    }
  }

  private List<String> cellsHolding(String value) throws Exception {
    List<String> found = new ArrayList<>();
    for (Path database : servicesDatabases()) {
      DatabaseScan.find("jdbc:sqlite:" + database, value)
          .forEach(cell -> found.add(database.getFileName() + ": " + cell));
    }
    return found;
  }

  @Test
  @Order(22)
  void stopsWithKeycloakAndEveryChildOnSigterm() {
    Launch launch = current();
    Launch.Stopping stopping = launch.beforeStopping();

    launch.process().destroy();

    launch.assertStoppedEverything(stopping);
  }

  @Test
  @Order(23)
  void tokenCommandSaysAirtixIsNotRunning() {
    CommandResult result = runTokenCommand("aerolux-agent");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr())
        .contains("Keycloak does not answer at http://localhost:8180: is Airtix running?");
  }

  @Test
  @Order(24)
  void secondStartKeepsKeycloakAndDataWithoutDuplicatingDemoData() {
    Launch launch = start("second");

    assertThat(launch.output())
        .doesNotContain(UNPACKING, DEMO_DATA_FAILED)
        .contains("Demo data present", BROKER_READY);
    report.add("warm start: " + launch.reportedStartTime());
    assertThat(Launch.isListening(BROKER_PORT))
        .as("the event broker listens on port %d again", BROKER_PORT)
        .isTrue();
    List<String> expected = new ArrayList<>(demoFlights());
    expected.addAll(createdFlights);
    assertThat(createdFlights).as("tickets the agent created before the restart").isNotEmpty();
    assertThat(flightNumbers(send(HttpRequest.newBuilder(TICKETS).GET(), null)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @Order(25)
  void stopsWithKeycloakAndEveryChildOnCtrlC() throws IOException, InterruptedException {
    Launch launch = current();
    assertThat(launch.ignoresSigint())
        .as("the launcher started with SIGINT ignored, as no terminal would start it")
        .isFalse();
    Launch.Stopping stopping = launch.beforeStopping();

    Process kill =
        new ProcessBuilder("kill", "-INT", String.valueOf(launch.process().pid()))
            .inheritIO()
            .start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0)
        .as("kill -INT succeeded")
        .isTrue();

    launch.assertStoppedEverything(stopping);
  }

  /**
   * With the broker up before the services and stopped after them, the outbox relay never finds it
   * missing: it neither warns that it cannot publish nor logs errors, in either run, starts and
   * stops included.
   */
  @Test
  @Order(26)
  void outboxRelayAlwaysFoundTheBroker() {
    assertThat(launches).as("both runs").hasSize(2);
    launches.forEach(launch -> assertThat(launch.output()).doesNotContain("cannot publish"));
    List<String> relayErrors =
        Launch.read(dataDir.resolve("logs/airtix.log"))
            .lines()
            .filter(
                line ->
                    line.contains(" ERROR ")
                        && (line.contains("Outbox") || line.contains("messaging")))
            .toList();
    assertThat(relayErrors).as("errors of the outbox relay in logs/airtix.log").isEmpty();
  }

  private Launch start(String name) {
    assertThat(launches)
        .as("an earlier launch still runs")
        .noneMatch(launch -> launch.process().isAlive());
    Launch launch = Launch.start(jar, dataDir, name, Map.of(HOLD_VARIABLE, HOLD.toSeconds() + "s"));
    launches.add(launch);
    launch.awaitStarted();
    return launch;
  }

  private Launch current() {
    assertThat(launches).as("a launch to stop").isNotEmpty();
    Launch launch = launches.get(launches.size() - 1);
    assertThat(launch.process().isAlive()).as("the launcher runs").isTrue();
    return launch;
  }

  private CommandResult runTokenCommand(String username) {
    Path stdout = dataDir.resolve("token-" + username + ".out");
    Path stderr = dataDir.resolve("token-" + username + ".err");
    Instant start = Instant.now();
    try {
      Process process =
          new ProcessBuilder(Launch.java(), "-jar", jar.toString(), "token", username)
              .directory(dataDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      try {
        if (!process.waitFor(TOKEN_COMMAND_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
          fail(
              "./airtix token "
                  + username
                  + " did not finish within "
                  + TOKEN_COMMAND_PATIENCE.toSeconds()
                  + " s");
        }
      } finally {
        process.destroyForcibly();
      }
      return new CommandResult(
          process.exitValue(),
          Files.readString(stdout),
          Files.readString(stderr),
          Duration.between(start, Instant.now()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record CommandResult(int exitCode, String stdout, String stderr, Duration duration) {}

  private String login(String username) {
    return login("airtix-web", WEB_REDIRECT, username);
  }

  /**
   * Demo admins answer the second-factor prompt with the authenticator app the demo set up and
   * keeps.
   */
  private String login(String clientId, URI redirect, String username) {
    DemoAuthenticators authenticators = new DemoAuthenticators(dataDir);
    AuthenticatorApp app = authenticators.of(username);
    try {
      return BrowserlessLogin.login(
              KEYCLOAK, "airtix", clientId, redirect, username, DEMO_PASSWORD, app)
          .accessToken();
    } finally {
      authenticators.keep(username, app);
    }
  }

  private JsonNode demoTicket(String flightNumber) {
    HttpResponse<String> tickets = send(HttpRequest.newBuilder(TICKETS).GET(), null);
    assertThat(tickets.statusCode()).as("GET %s: %s", TICKETS, tickets.body()).isEqualTo(200);
    for (JsonNode ticket : json.readTree(tickets.body()).path("items")) {
      if (flightNumber.equals(ticket.path("flightNumber").asString())) {
        return ticket;
      }
    }
    return fail("no ticket of flight " + flightNumber + " in " + tickets.body());
  }

  /**
   * Reserves at the price the catalogue shows, as a customer who just looked at the ticket would.
   */
  private HttpResponse<String> reserve(JsonNode ticket, String token) {
    String body =
        """
        {"ticketId":"%s","price":%s,"currency":"%s"}
        """
            .formatted(
                ticket.path("id").asString(),
                ticket.path("price").asDecimal().toPlainString(),
                ticket.path("currency").asString());
    return send(
        HttpRequest.newBuilder(ORDERS)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)),
        token);
  }

  private String ticketStatus(String ticketId) {
    URI ticket = TICKETS.resolve("/api/tickets/" + ticketId);
    HttpResponse<String> response = send(HttpRequest.newBuilder(ticket).GET(), null);
    assertThat(response.statusCode()).as("GET %s: %s", ticket, response.body()).isEqualTo(200);
    return json.readTree(response.body()).path("status").asString();
  }

  private HttpResponse<String> createTicket(String airline, String flightNumber, String token) {
    String departure =
        Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS).toString();
    String body =
        """
        {"airline":"%s","flightNumber":"%s","origin":"LUX","destination":"BCN","departureTime":"%s",
         "cabin":"ECONOMY","seat":"7C","price":99.00,"currency":"EUR"}
        """
            .formatted(airline, flightNumber, departure);
    return send(
        HttpRequest.newBuilder(TICKETS)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)),
        token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(
          request.header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
          BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<String> flightNumbers(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("GET %s: %s", TICKETS, response.body()).isEqualTo(200);
    return itemValues(response, "flightNumber");
  }

  /**
   * One field of every item of a page ({@code {"items": [...], ...}}), as the services answer
   * lists.
   */
  private List<String> itemValues(HttpResponse<String> response, String field) {
    JsonNode items = json.readTree(response.body()).path("items");
    List<String> values = new ArrayList<>();
    items.forEach(item -> values.add(item.path(field).asString()));
    return values;
  }

  private static List<String> demoFlights() {
    return DemoCatalog.TICKETS.stream().map(DemoTicket::flightNumber).toList();
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    assertThat(value)
        .as("system property %s, set by the launcher's failsafe configuration", name)
        .isNotBlank();
    return value;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}
