package io.airtix.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.keycloakclient.InvitationAcceptance;
import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.mail.Mail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the tests that run the tenants service on a random port against the real Keycloak of this
 * test JVM, with the service's own client credentials and real tokens. One Spring context serves
 * every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class TenantsIntegrationTest {

  protected static final KeycloakServer keycloak = KeycloakServer.shared();

  /** Keycloak's own admin console client, which tenant admins sign in to. */
  protected static final String CONSOLE_CLIENT = "security-admin-console";

  protected static final JsonMapper json = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final AtomicInteger AIRLINES = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 46_656, 36);

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void realKeycloak(DynamicPropertyRegistry registry) {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    registry.add("airtix.security.clock-skew", () -> "0s");
    registry.add("airtix.tenants.keycloak.server-url", () -> keycloak.baseUrl().toString());
    registry.add(
        "airtix.tenants.keycloak.client-secret",
        () -> keycloak.airtixRealm().clientSecret("tenants"));
    // where the test Keycloak publishes its user events, which feed the deny-list
    KeycloakEventBroker broker = KeycloakEventBroker.configured();
    registry.add("spring.rabbitmq.host", broker::host);
    registry.add("spring.rabbitmq.port", broker::port);
  }

  /** A tenant id no other test uses, e.g. {@code t3k-7}. */
  protected static String newAlias() {
    return "t" + RUN + "-" + AIRLINES.incrementAndGet();
  }

  protected static TestUser platformAdmin() {
    return keycloak.createUser(TestUsers.platformAdmin());
  }

  protected static String token(TestUser user) {
    return keycloak.login(user).accessToken();
  }

  /**
   * A token issued after every change so far: tokens carry whole seconds, and the deny-list refuses
   * those issued up to the second in which the person last lost rights.
   */
  protected static String freshToken(TestUser user) {
    long second = Instant.now().getEpochSecond();
    Awaitility.await("the next second")
        .pollInterval(Duration.ofMillis(10))
        .until(() -> Instant.now().getEpochSecond() > second);
    return token(user);
  }

  /**
   * Creates an airline through the API as a platform admin, with {@code firstAdmin} as its first
   * tenant admin, who accepts the invitation Keycloak mailed them.
   */
  protected JsonNode createAirline(String platformAdminToken, String alias, TestUser firstAdmin)
      throws Exception {
    Reply reply =
        send(
            "POST",
            "/api/airlines",
            platformAdminToken,
            airline(alias, "Airline " + alias, firstAdmin.email()));
    assertThat(reply.status()).as("create airline: %s", reply.body()).isEqualTo(201);
    acceptInvitation(alias, firstAdmin);
    return reply.body();
  }

  /**
   * A tenant admin invites an existing account as staff, and its holder accepts the invitation
   * Keycloak mailed them.
   */
  protected void addStaff(String alias, String tenantAdminToken, TestUser person, String... roles)
      throws Exception {
    Reply reply =
        send(
            "POST",
            "/api/airlines/" + alias + "/staff",
            tenantAdminToken,
            staff(person.email(), roles));
    assertThat(reply.status()).as("invite staff: %s", reply.body()).isEqualTo(202);
    acceptInvitation(alias, person);
  }

  /**
   * The person opens the airline's invitation in their mail and confirms it, as in a browser:
   * Keycloak makes them a member, and the extension grants the roles the invitation promised.
   */
  protected static void acceptInvitation(String alias, TestUser person) {
    InvitationAcceptance.accept(invitationLink(invitationMail(alias, person.email())));
  }

  /** The mail inviting the address to the airline (named "Airline <alias>" by these tests). */
  protected static Mail invitationMail(String alias, String email) {
    return keycloak
        .mailServer()
        .awaitMailTo(email, Mail.withSubjectContaining("for Airline " + alias + " on"));
  }

  /**
   * The invitation's link into Keycloak (the mail may carry others, e.g. to the airline's site).
   */
  protected static URI invitationLink(Mail invitation) {
    return invitation.links().stream()
        .filter(link -> link.getPath().contains("/realms/airtix/"))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no Keycloak link in the invitation: " + invitation.text()));
  }

  protected static String airline(String alias, String name, String firstTenantAdminEmail) {
    return """
        {"alias":"%s","name":"%s","firstTenantAdminEmail":"%s"}"""
        .formatted(alias, name, firstTenantAdminEmail);
  }

  protected static String staff(String email, String... roles) {
    StringBuilder list = new StringBuilder();
    for (String role : roles) {
      list.append(list.isEmpty() ? "" : ",").append('"').append(role).append('"');
    }
    return """
        {"email":"%s","roles":[%s]}"""
        .formatted(email, list);
  }

  protected static String roles(String... roles) {
    StringBuilder list = new StringBuilder();
    for (String role : roles) {
      list.append(list.isEmpty() ? "" : ",").append('"').append(role).append('"');
    }
    return "{\"roles\":[" + list + "]}";
  }

  /**
   * The airline's organizations (one, unless something is wrong), found by the domain every airline
   * gets: the realm's list of organizations is paged.
   */
  protected static List<OrganizationRepresentation> organizations(String alias) {
    return keycloak
        .airtixRealm()
        .resource()
        .organizations()
        .search(alias + AirtixRealm.AIRLINE_DOMAIN_SUFFIX, true, 0, 10)
        .stream()
        .filter(organization -> alias.equals(organization.getAlias()))
        .toList();
  }

  protected static String organizationId(String alias) {
    List<OrganizationRepresentation> found = organizations(alias);
    assertThat(found).as("organizations of airline %s", alias).hasSize(1);
    return found.get(0).getId();
  }

  /** The {@code groups} claim of a real access token: the tenant roles it carries. */
  protected static Set<String> groupsClaim(String accessToken) {
    return texts(KeycloakServer.claims(accessToken).path("groups"));
  }

  private static Set<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(element -> values.add(element.asText()));
    return values;
  }

  protected static Set<String> texts(JsonNode array, String field) {
    Set<String> values = new TreeSet<>();
    array.forEach(
        element -> values.add(field == null ? element.asString() : element.path(field).asString()));
    return values;
  }

  /**
   * A tenant admin's token for Keycloak's admin console, signed in through the console's own client
   * and redirect URI (relative in the realm: /admin/airtix/console/*) with their second factor.
   */
  protected static String consoleToken(TestUser tenantAdmin) {
    return BrowserlessLogin.login(
            keycloak.baseUrl(),
            KeycloakServer.REALM,
            CONSOLE_CLIENT,
            URI.create(keycloak.baseUrl() + "/admin/airtix/console/"),
            tenantAdmin.username(),
            tenantAdmin.password(),
            tenantAdmin.authenticator())
        .accessToken();
  }

  /** A call to Keycloak's admin REST API of the realm, as the admin console makes it. */
  protected static Reply adminApi(String method, String path, String token, String body)
      throws Exception {
    return send(
        URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path),
        method,
        token,
        body);
  }

  protected Reply send(String method, String path, String token, String body) throws Exception {
    return send(URI.create("http://localhost:" + port + path), method, token, body);
  }

  protected static Reply send(URI uri, String method, String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
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
    JsonNode parsed;
    try {
      parsed = response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
    } catch (RuntimeException notJson) {
      parsed = json.missingNode();
    }
    return new Reply(response.statusCode(), response, parsed);
  }

  protected record Reply(int status, HttpResponse<String> response, JsonNode body) {

    public String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }

    public String code() {
      return body.path("code").asString();
    }
  }
}
