package io.airtix.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tickets API over HTTP with tokens issued by a real Keycloak (started once per test JVM from
 * its distribution), covering token validation, the tenancy rules and the public catalogue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TicketsApiIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();
  private static final JsonMapper json = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();

  private static TestUser customer;
  private static TestUser aeroluxAgent;
  private static String customerToken;
  private static String aeroluxAgentToken;
  private static String borealAgentToken;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void realKeycloakAndScratchDatabase(DynamicPropertyRegistry registry) throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    registry.add("airtix.security.clock-skew", () -> "0s");
    String dataDir = Files.createTempDirectory("airtix-tickets-api").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @BeforeAll
  static void logIn() {
    customer = keycloak.createUser(TestUsers.customer());
    aeroluxAgent = keycloak.createUser(TestUsers.member("aerolux", "agent"));
    TestUser borealAgent = keycloak.createUser(TestUsers.member("boreal", "agent"));
    customerToken = keycloak.login(customer).accessToken();
    aeroluxAgentToken = keycloak.login(aeroluxAgent).accessToken();
    borealAgentToken = keycloak.login(borealAgent).accessToken();
  }

  @Test
  void rejectsRequestWithoutTokenWith401Problem() throws Exception {
    Reply reply = send("POST", "/api/tickets", null, ticket("aerolux", "LUX", "CDG", nextWeek()));

    assertUnauthorized(reply);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(reply.body.path("traceId").asString()).isNotBlank();
    assertThat(reply.body.path("instance").asString()).isEqualTo("/api/tickets");
  }

  @Test
  void rejectsTamperedSignatureWith401() throws Exception {
    String[] parts = aeroluxAgentToken.split("\\.");
    char[] signature = parts[2].toCharArray();
    int middle = signature.length / 2;
    signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
    String tampered = parts[0] + "." + parts[1] + "." + new String(signature);

    assertUnauthorized(
        send("POST", "/api/tickets", tampered, ticket("aerolux", "LUX", "CDG", nextWeek())));
  }

  @Test
  void rejectsTamperedPayloadWith401() throws Exception {
    // a customer grants themselves the agent role of aerolux by editing the token
    String[] parts = customerToken.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String escalated = payload.replaceFirst("^\\{", "{\"groups\":[\"/airlines/aerolux/agent\"],");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(escalated.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertUnauthorized(
        send("POST", "/api/tickets", tampered, ticket("aerolux", "LUX", "CDG", nextWeek())));
  }

  @Test
  void rejectsExpiredTokenWith401() throws Exception {
    String expired = keycloak.expiredAccessToken(aeroluxAgent);

    Reply reply =
        send("POST", "/api/tickets", expired, ticket("aerolux", "LUX", "CDG", nextWeek()));

    assertUnauthorized(reply);
    assertThat(reply.body.path("detail").asString()).containsIgnoringCase("expired");
  }

  @Test
  void rejectsTokenOfAnotherIssuerWith401() throws Exception {
    String foreign = keycloak.loginVia("127.0.0.1", aeroluxAgent).accessToken();

    assertUnauthorized(
        send("POST", "/api/tickets", foreign, ticket("aerolux", "LUX", "CDG", nextWeek())));
  }

  @Test
  void rejectsTokenForAnotherAudienceWith401() throws Exception {
    String robot = keycloak.clientCredentialsToken("tenants");

    Reply reply = send("POST", "/api/tickets", robot, ticket("aerolux", "LUX", "CDG", nextWeek()));

    assertUnauthorized(reply);
    assertThat(reply.body.path("detail").asString()).contains("aud");
  }

  @Test
  void rejectsTicketCreationByCustomerWith403() throws Exception {
    Reply reply =
        send("POST", "/api/tickets", customerToken, ticket("aerolux", "LUX", "CDG", nextWeek()));

    assertThat(reply.status).isEqualTo(403);
    assertThat(reply.body.path("type").asString())
        .isEqualTo("https://airtix.io/problems/forbidden");
  }

  @Test
  void rejectsTicketCreationForAnotherAirlineWith403() throws Exception {
    Reply reply =
        send("POST", "/api/tickets", borealAgentToken, ticket("aerolux", "LUX", "CDG", nextWeek()));

    assertThat(reply.status).isEqualTo(403);
  }

  @Test
  void letsAgentCreateTicketOfItsAirlineWith201() throws Exception {
    Reply created =
        send(
            "POST", "/api/tickets", aeroluxAgentToken, ticket("aerolux", "LUX", "CDG", nextWeek()));

    assertThat(created.status).isEqualTo(201);
    assertThat(created.body.path("status").asString()).isEqualTo("AVAILABLE");
    assertThat(created.body.path("version").asLong()).isZero();
    String location = created.header("Location");
    assertThat(location).endsWith("/api/tickets/" + created.body.path("id").asString());
    assertThat(send("GET", URI.create(location).getPath(), null, null).status).isEqualTo(200);
  }

  @Test
  void hidesOtherAirlinesTicketFromUpdateAndDeleteWith404() throws Exception {
    JsonNode borealTicket = create(borealAgentToken, ticket("boreal", "OSL", "CPH", nextWeek()));
    String path = "/api/tickets/" + borealTicket.path("id").asString();

    Reply update =
        send("PUT", path, aeroluxAgentToken, update(borealTicket.path("version").asLong()));
    Reply delete = send("DELETE", path, aeroluxAgentToken, null);

    assertThat(update.status).isEqualTo(404);
    assertThat(delete.status).isEqualTo(404);
    assertThat(update.body.path("code").asString()).isEqualTo("TICKET_NOT_FOUND");
    assertThat(send("GET", path, null, null).body.path("seat").asString())
        .isEqualTo(borealTicket.path("seat").asString());
  }

  @Test
  void rejectsEditByCustomerWith403() throws Exception {
    JsonNode ticket = create(aeroluxAgentToken, ticket("aerolux", "LUX", "MAD", nextWeek()));

    Reply reply =
        send("DELETE", "/api/tickets/" + ticket.path("id").asString(), customerToken, null);

    assertThat(reply.status).isEqualTo(403);
  }

  @Test
  void letsAgentUpdateAndDeleteOwnAirlinesTicket() throws Exception {
    JsonNode ticket = create(aeroluxAgentToken, ticket("aerolux", "LUX", "BER", nextWeek()));
    String path = "/api/tickets/" + ticket.path("id").asString();

    Reply updated = send("PUT", path, aeroluxAgentToken, update(0));
    Reply deleted = send("DELETE", path, aeroluxAgentToken, null);

    assertThat(updated.status).isEqualTo(200);
    assertThat(updated.body.path("version").asLong()).isEqualTo(1);
    assertThat(updated.body.path("cabin").asString()).isEqualTo("BUSINESS");
    assertThat(deleted.status).isEqualTo(204);
    assertThat(send("GET", path, null, null).status).isEqualTo(404);
  }

  @Test
  void rejectsInvalidTicketWith400FieldErrors() throws Exception {
    String invalid =
        """
        {"airline":"aerolux","flightNumber":"LX1","origin":"LUX","destination":"LUX",
         "departureTime":"2020-01-01T00:00:00Z","cabin":"ECONOMY","seat":"12A","price":-1,"currency":"EUR"}
        """;

    Reply reply = send("POST", "/api/tickets", aeroluxAgentToken, invalid);

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.body.path("type").asString())
        .isEqualTo("https://airtix.io/problems/validation");
    Set<String> fields = new HashSet<>();
    reply.body.path("errors").forEach(error -> fields.add(error.path("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("destination", "departureTime", "price");
  }

  @Test
  void letsAnyoneBrowseAllAirlinesWithFiltersAndPaging() throws Exception {
    Instant day =
        LocalDate.now(ZoneOffset.UTC).plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();
    create(aeroluxAgentToken, ticket("aerolux", "ATH", "RHO", day.plus(Duration.ofHours(9))));
    create(borealAgentToken, ticket("boreal", "ATH", "RHO", day.plus(Duration.ofHours(7))));
    create(borealAgentToken, ticket("boreal", "ATH", "RHO", day.plus(Duration.ofHours(30))));
    create(borealAgentToken, ticket("boreal", "ATH", "SKG", day.plus(Duration.ofHours(8))));
    String query =
        "/api/tickets?origin=ATH&destination=RHO&date=" + LocalDate.ofInstant(day, ZoneOffset.UTC);

    Reply first = send("GET", query + "&page=0&size=1", null, null);
    Reply second = send("GET", query + "&page=1&size=1", null, null);
    Reply onlyBoreal = send("GET", query + "&airline=boreal", null, null);

    assertThat(first.status).isEqualTo(200);
    assertThat(first.body.path("totalItems").asLong()).isEqualTo(2);
    assertThat(first.body.path("totalPages").asInt()).isEqualTo(2);
    assertThat(first.body.path("size").asInt()).isEqualTo(1);
    assertThat(first.body.path("items").get(0).path("airline").asString()).isEqualTo("boreal");
    assertThat(second.body.path("page").asInt()).isEqualTo(1);
    assertThat(second.body.path("items").get(0).path("airline").asString()).isEqualTo("aerolux");
    assertThat(onlyBoreal.body.path("totalItems").asLong()).isEqualTo(1);
  }

  @Test
  void rejectsStaleVersionWith409() throws Exception {
    JsonNode ticket = create(aeroluxAgentToken, ticket("aerolux", "LUX", "VIE", nextWeek()));
    String path = "/api/tickets/" + ticket.path("id").asString();
    assertThat(send("PUT", path, aeroluxAgentToken, update(0)).status).isEqualTo(200);

    Reply stale = send("PUT", path, aeroluxAgentToken, update(0));

    assertThat(stale.status).isEqualTo(409);
    assertThat(stale.body.path("type").asString())
        .isEqualTo("https://airtix.io/problems/stale-version");
  }

  private static void assertUnauthorized(Reply reply) {
    assertThat(reply.status).isEqualTo(401);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.body.path("type").asString())
        .isEqualTo("https://airtix.io/problems/unauthorized");
    assertThat(reply.body.path("code").asString()).isEqualTo("UNAUTHORIZED");
    assertThat(reply.body.path("status").asInt()).isEqualTo(401);
  }

  private JsonNode create(String token, String body) throws Exception {
    Reply reply = send("POST", "/api/tickets", token, body);
    assertThat(reply.status).as("create: %s", reply.body).isEqualTo(201);
    return reply.body;
  }

  private static Instant nextWeek() {
    return Instant.now()
        .plus(Duration.ofDays(7))
        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
  }

  /**
   * A valid ticket; flight number and seat are random so tickets of different tests never collide.
   */
  private static String ticket(
      String airline, String origin, String destination, Instant departure) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return """
        {"airline":"%s","flightNumber":"LX%d","origin":"%s","destination":"%s","departureTime":"%s",
         "cabin":"ECONOMY","seat":"%d%s","price":129.90,"currency":"EUR"}
        """
        .formatted(
            airline,
            random.nextInt(1, 9999),
            origin,
            destination,
            departure,
            random.nextInt(1, 60),
            "ABCDEF".charAt(random.nextInt(6)));
  }

  private static String update(long version) {
    return """
        {"flightNumber":"LX900","origin":"LUX","destination":"LHR","departureTime":"%s",
         "cabin":"BUSINESS","seat":"2C","price":499.00,"currency":"EUR","version":%d}
        """
        .formatted(
            nextWeek().plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(1, 10_000))),
            version);
  }

  private Reply send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Accept", "application/json, application/problem+json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode parsed =
        response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
    return new Reply(response.statusCode(), response, parsed);
  }

  private record Reply(int status, HttpResponse<String> response, JsonNode body) {

    String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }
  }
}
