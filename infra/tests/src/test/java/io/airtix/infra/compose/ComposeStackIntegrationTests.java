package io.airtix.infra.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.infra.compose.ComposeStack.Result;
import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.keycloakclient.NewUser;
import io.airtix.testing.sale.SaleSteps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import tools.jackson.databind.JsonNode;

/**
 * The compose stack as an operator starts it: {@code infra/compose/compose.yaml} with the images
 * this build made, PostgreSQL, RabbitMQ and Redis from the local stand-ins that {@code
 * compose.local-images.yaml} names, and a .env from {@code new-env.sh} with simulated payments
 * switched on by name. Started once for the class, published on 127.0.0.1 only, on ports of its own
 * (18080, 18180); removed with its volumes at the end.
 */
@TestMethodOrder(OrderAnnotation.class)
class ComposeStackIntegrationTests {

  private static final Path COMPOSE = Path.of(System.getProperty("airtix.root"), "infra/compose");
  private static final URI GATEWAY = URI.create("http://localhost:18080");
  private static final URI KEYCLOAK = URI.create("http://localhost:18180");
  private static final URI CALLBACK = GATEWAY.resolve("/react/callback");
  private static final Duration COLD_START = Duration.ofMinutes(10);
  private static final String AIRLINE = "composeair";
  private static final String PASSWORD = "Compose-" + UUID.randomUUID();
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Map<String, String> env;
  private static ComposeStack stack;
  private static SaleSteps sale;
  private static Instant upCalled;
  private static String orderId;
  private static String ticketId;

  @BeforeAll
  static void startTheStack() {
    Map<String, String> values = new HashMap<>();
    values.put("AIRTIX_IMAGE_PREFIX", System.getProperty("airtix.image.prefix"));
    values.put("AIRTIX_IMAGE_TAG", System.getProperty("airtix.image.tag"));
    values.put("AIRTIX_POSTGRES_IMAGE", System.getProperty("airtix.image.postgres"));
    values.put("AIRTIX_RABBITMQ_IMAGE", System.getProperty("airtix.image.rabbitmq"));
    values.put("AIRTIX_REDIS_IMAGE", System.getProperty("airtix.image.redis"));
    values.put("AIRTIX_PAYMENTS_PROVIDER", "simulated");
    // nothing is mailed in this sale; Keycloak would find no relay here
    values.put("AIRTIX_SMTP_HOST", "localhost");
    values.put("AIRTIX_MAIL_FROM", "no-reply@airtix.test");
    env = ComposeStack.newEnv(COMPOSE, values);
    Path envFile = Path.of(System.getProperty("airtix.build.directory"), "compose", ".env");
    ComposeStack.writeEnv(envFile, env);
    stack =
        new ComposeStack(
            COMPOSE, "airtix-test", envFile, List.of("compose.yaml", "compose.local-images.yaml"));
    // a stack left behind by an interrupted run would hold the ports and old data
    stack.compose("down", "--volumes", "--remove-orphans");
    upCalled = Instant.now();
    stack.composeOrFail("up", "--detach");
    awaitReady();
    sale = new SaleSteps(GATEWAY);
  }

  @AfterAll
  static void removeTheStack() {
    if (stack != null) {
      stack.compose("down", "--volumes", "--remove-orphans");
    }
  }

  @Test
  @Order(1)
  void everyContainerIsHealthyAndOnlyTheGatewayAndKeycloakArePublishedOnLoopback() {
    for (String service :
        List.of(
            "postgres",
            "rabbitmq",
            "redis",
            "keycloak",
            "tickets",
            "orders",
            "expiration",
            "payments",
            "tenants",
            "live",
            "gateway")) {
      String container = stack.container(service);
      assertThat(inspect(container, "{{.State.Health.Status}}")).as(service).isEqualTo("healthy");
      String published = inspect(container, "{{json .NetworkSettings.Ports}}");
      switch (service) {
        case "gateway" ->
            assertThat(published).contains("{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"18080\"}");
        case "keycloak" ->
            assertThat(published).contains("{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"18180\"}");
        default -> assertThat(published).as(service).doesNotContain("HostIp");
      }
      assertThat(published).as(service).doesNotContain("0.0.0.0");
    }
  }

  @Test
  @Order(2)
  void aTravellerBuysATicketThroughTheGatewayAfterRealSignIns() {
    try (Keycloak admin = admin()) {
      AirtixRealm realm = new AirtixRealm(admin);
      realm.ensureAirline(AIRLINE, "Compose Air");
      realm.createUser(person("compose-agent", Set.of(), Map.of(AIRLINE, Set.of("agent"))));
      realm.createUser(person("compose-traveller", Set.of(), Map.of()));
      realm.createUser(person("compose-operator", Set.of("platform-admin"), Map.of()));
    }
    String agent = signIn("compose-agent", null);
    String traveller = signIn("compose-traveller", null);
    // a platform admin enrols an authenticator app at the first sign-in
    String operator = signIn("compose-operator", new AuthenticatorApp());

    // the tenants service reads the airlines from Keycloak with its own client's secret from .env
    assertThat(sale.get("/api/airlines", operator).path("items").valueStream())
        .anySatisfy(airline -> assertThat(airline.path("alias").asString()).isEqualTo(AIRLINE));

    JsonNode ticket = sale.listTicket(agent, AIRLINE);
    ticketId = ticket.path("id").asString();
    JsonNode order = sale.reserve(ticket, traveller);
    orderId = order.path("id").asString();
    JsonNode payment = sale.startPayment(order, traveller);
    assertThat(payment.path("provider").asString()).isEqualTo("simulated");
    HttpResponse<String> paid =
        sale.confirmSimulatedPayment(payment.path("id").asString(), "SUCCEEDED", traveller);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

    awaitStatus("/api/orders/" + orderId, traveller, "COMPLETED");
    awaitStatus("/api/tickets/" + ticketId, null, "SOLD");
    System.out.printf(
        "Compose stack: cold start to the first completed sale in %d s%n",
        Duration.between(upCalled, Instant.now()).toSeconds());
  }

  @Test
  @Order(3)
  void downThenUpKeepsTheSale() {
    assertThat(orderId).as("the sale of the test before").isNotNull();
    stack.composeOrFail("down");
    Instant restart = Instant.now();
    stack.composeOrFail("up", "--detach");
    awaitReady();
    System.out.printf(
        "Compose stack: up again (data kept) in %d s%n",
        Duration.between(restart, Instant.now()).toSeconds());

    String traveller = signIn("compose-traveller", null);
    assertThat(sale.get("/api/orders/" + orderId, traveller).path("status").asString())
        .isEqualTo("COMPLETED");
    assertThat(sale.ticketStatus(ticketId)).isEqualTo("SOLD");
  }

  @Test
  @Order(4)
  void eachServiceSignsInToItsOwnDatabaseRedisKeysAndBrokerAccountOnly() {
    String ticketsPassword = env.get("AIRTIX_DATABASE_PASSWORD_TICKETS");
    assertThat(psql("airtix_tickets", ticketsPassword, "airtix_tickets").exitCode()).isZero();
    Result otherDatabase = psql("airtix_tickets", ticketsPassword, "airtix_orders");
    assertThat(otherDatabase.exitCode()).isNotZero();
    assertThat(otherDatabase.output()).contains("permission denied for database");

    Result ownKey =
        redis("expiration", env.get("AIRTIX_REDIS_PASSWORD_EXPIRATION"), "airtix:expiration:t");
    assertThat(ownKey.output()).contains("OK");
    Result otherKey =
        redis("live", env.get("AIRTIX_REDIS_PASSWORD_LIVE"), "airtix:rate-limit:{orders}:t");
    assertThat(otherKey.output()).contains("NOPERM");

    String users = stack.composeOrFail("exec", "-T", "rabbitmq", "rabbitmqctl", "-q", "list_users");
    assertThat(users).contains("airtix-tickets", "airtix-keycloak").doesNotContain("guest");
  }

  @Test
  void aMissingSecretStopsTheStartWithItsName() {
    Map<String, String> incomplete = new HashMap<>(env);
    incomplete.remove("KEYCLOAK_ADMIN_PASSWORD");
    Path envFile =
        Path.of(System.getProperty("airtix.build.directory"), "compose-incomplete", ".env");
    ComposeStack.writeEnv(envFile, incomplete);
    ComposeStack withoutSecret =
        new ComposeStack(COMPOSE, "airtix-test-incomplete", envFile, List.of("compose.yaml"));

    Result config = withoutSecret.compose("config", "--quiet");

    assertThat(config.exitCode()).isNotZero();
    assertThat(config.output()).contains("KEYCLOAK_ADMIN_PASSWORD");
  }

  private static Result psql(String user, String password, String database) {
    return stack.compose(
        "exec",
        "-T",
        "-e",
        "PGPASSWORD=" + password,
        "postgres",
        "psql",
        "-h",
        "127.0.0.1",
        "-U",
        user,
        "-d",
        database,
        "-c",
        "select 1");
  }

  private static Result redis(String user, String password, String key) {
    return stack.compose(
        "exec",
        "-T",
        "redis",
        "redis-cli",
        "--no-auth-warning",
        "--user",
        user,
        "--pass",
        password,
        "set",
        key,
        "1");
  }

  private static NewUser person(
      String username, Set<String> realmRoles, Map<String, Set<String>> airlineRoles) {
    return new NewUser(
        username, username + "@composeair.test", "Com", "Pose", PASSWORD, realmRoles, airlineRoles);
  }

  private static String signIn(String username, AuthenticatorApp app) {
    return BrowserlessLogin.login(
            KEYCLOAK, AirtixRealm.NAME, "airtix-web", CALLBACK, username, PASSWORD, app)
        .accessToken();
  }

  private static Keycloak admin() {
    return Keycloak.getInstance(
        KEYCLOAK.toString(),
        "master",
        env.get("KEYCLOAK_ADMIN_USERNAME"),
        env.get("KEYCLOAK_ADMIN_PASSWORD"),
        "admin-cli");
  }

  private static void awaitStatus(String path, String token, String status) {
    await()
        .atMost(SaleSteps.PATIENCE)
        .untilAsserted(
            () -> assertThat(sale.get(path, token).path("status").asString()).isEqualTo(status));
  }

  /**
   * The gateway answers the catalogue (it starts after every service is healthy) and Keycloak its
   * realm.
   */
  private static void awaitReady() {
    try {
      await()
          .atMost(COLD_START)
          .pollInterval(Duration.ofSeconds(2))
          .ignoreExceptions()
          .until(
              () ->
                  status(GATEWAY.resolve("/api/tickets")) == 200
                      && status(KEYCLOAK.resolve("/realms/airtix/.well-known/openid-configuration"))
                          == 200);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "The stack was not ready in time:\n"
              + stack.compose("ps").output()
              + stack.compose("logs", "--tail", "30").output(),
          e);
    }
  }

  private static int status(URI uri) throws Exception {
    return http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String inspect(String container, String format) {
    Result result = ComposeStack.docker("inspect", "--format", format, container);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output().strip();
  }
}
