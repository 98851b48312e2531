package io.airtix.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
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

  @LocalManagementPort int managementPort;

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
  void publishesHealthMetricsAndApiDescriptionWithoutTokenOnTheManagementPort() {
    assertThat(get(managementPort, "/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(managementPort, "/actuator/prometheus").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get(managementPort, "/actuator/openapi").getBody()).contains("/api/tickets");
  }

  @Test
  void exposesNoOtherActuatorEndpoint() {
    ResponseEntity<String> env = get(managementPort, "/actuator/env");
    assertThat(env.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(env.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void answersWhatTomcatRefusesOnTheManagementPortAsProblems() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), managementPort)) {
      socket
          .getOutputStream()
          .write(
              "GET /actuator/health/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .containsIgnoringCase("content-type: application/problem+json");
    }
  }

  @Test
  void refusesBodiesPastTheLimitOnTheManagementPortToo() {
    ResponseEntity<String> response =
        RestClient.create("http://localhost:" + managementPort)
            .post()
            .uri("/actuator/health")
            .contentType(MediaType.APPLICATION_JSON)
            .body("a".repeat(300 * 1024))
            .retrieve()
            .onStatus(status -> true, (request, ignored) -> {})
            .toEntity(String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(
            response
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
  }

  @Test
  void answersNoMetricsOrApiDescriptionOnTheServicePort() {
    for (String path :
        List.of("/actuator/health", "/actuator/prometheus", "/actuator/openapi", "/v3/api-docs")) {
      ResponseEntity<String> response = get(port, path);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(response.getHeaders().getContentType())
          .as(path)
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void listensForManagementOnTheLoopbackInterfaceOnly() throws IOException {
    InetAddress outside = nonLoopbackAddress();
    assumeTrue(outside != null, "this machine has an address besides loopback");
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside, managementPort), 1000))
          .isInstanceOf(ConnectException.class);
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), managementPort), 1000);
      assertThat(socket.isConnected()).isTrue();
    }
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
    return get(port, path);
  }

  private static ResponseEntity<String> get(int port, String path) {
    return RestClient.create("http://localhost:" + port)
        .get()
        .uri(path)
        .retrieve()
        .onStatus(status -> true, (request, response) -> {})
        .toEntity(String.class);
  }

  private RestClient client() {
    return RestClient.create("http://localhost:" + port);
  }

  private static InetAddress nonLoopbackAddress() throws IOException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> !address.isLoopbackAddress() && address instanceof Inet4Address)
        .findFirst()
        .orElse(null);
  }

  private static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
