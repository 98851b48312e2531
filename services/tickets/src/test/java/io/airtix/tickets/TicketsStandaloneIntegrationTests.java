package io.airtix.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The service as the standalone launcher runs it: a SQLite file in a data folder that does not
 * exist yet, and no Keycloak at all (the key set is only fetched for the first token).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TicketsStandaloneIntegrationTests {

  // An RS256 token of the right shape: checking it needs the realm's keys, which cannot be fetched
  private static final String WELL_FORMED_TOKEN =
      base64Url("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}")
          + "."
          + base64Url("{\"sub\":\"someone\",\"iss\":\"http://127.0.0.1:9/realms/airtix\"}")
          + "."
          + base64Url("not-a-signature");

  private static Path dataDir;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void freshDataFolderAndNoKeycloak(DynamicPropertyRegistry registry) throws IOException {
    dataDir = Files.createTempDirectory("airtix-standalone").resolve("data");
    registry.add("airtix.data-dir", dataDir::toString);
    // nothing listens on port 9 here: Keycloak is "down"
    registry.add("airtix.security.issuer-uri", () -> "http://127.0.0.1:9/realms/airtix");
  }

  @Test
  void startsWithoutKeycloakAndCreatesItsDatabaseFile() {
    assertThat(dataDir.resolve("tickets.db")).exists();
    assertThat(get("/api/tickets").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void publishesHealthMetricsAndApiDescriptionWithoutToken() {
    assertThat(get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/v3/api-docs").getBody()).contains("/api/tickets");
  }

  @Test
  void exposesNoOtherActuatorEndpoint() {
    assertThat(get("/actuator/env").getStatusCode())
        .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.NOT_FOUND);
  }

  @Test
  void answersTokensItCannotCheckWith503WhileKeycloakIsDown() {
    ResponseEntity<String> response =
        client()
            .post()
            .uri("/api/tickets")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + WELL_FORMED_TOKEN)
            .contentType(MediaType.APPLICATION_JSON)
            .body("{}")
            .retrieve()
            .onStatus(status -> true, (request, ignored) -> {})
            .toEntity(String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(response.getBody())
        .contains("https://airtix.io/problems/unavailable")
        .doesNotContain("Exception");
  }

  private ResponseEntity<String> get(String path) {
    return client()
        .get()
        .uri(path)
        .retrieve()
        .onStatus(status -> true, (request, response) -> {})
        .toEntity(String.class);
  }

  private RestClient client() {
    return RestClient.create("http://localhost:" + port);
  }

  private static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
