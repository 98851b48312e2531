package io.airtix.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
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
   * Creates an airline through the API as a platform admin, with {@code firstAdmin} as its first
   * tenant admin.
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
    return reply.body();
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
