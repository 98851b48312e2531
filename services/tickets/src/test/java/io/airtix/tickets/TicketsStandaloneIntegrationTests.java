package io.airtix.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The service as the standalone launcher runs it: a SQLite file in a data folder that does not
 * exist yet, and no Keycloak at all (the key set is only fetched for the first token).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TicketsStandaloneIntegrationTests {

  private static Path dataDir;

  @LocalServerPort
  int port;

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
    assertThat(get("/actuator/env").getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.NOT_FOUND);
  }

  private org.springframework.http.ResponseEntity<String> get(String path) {
    return RestClient.create("http://localhost:" + port).get().uri(path).retrieve()
        .onStatus(status -> true, (request, response) -> { })
        .toEntity(String.class);
  }
}
