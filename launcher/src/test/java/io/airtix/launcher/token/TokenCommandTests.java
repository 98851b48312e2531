package io.airtix.launcher.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.airtix.launcher.demo.DemoAuthenticators;
import io.airtix.launcher.keycloak.WebLogin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTests {

  @TempDir Path dataDir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void failsWithHintToStartAirtixWhenKeycloakDoesNotAnswer() throws IOException {
    URI nobodyListening = URI.create("http://localhost:" + freePort());

    int exitCode = command(nobodyListening).print("aerolux-agent");

    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Keycloak does not answer at " + nobodyListening + ": is Airtix running?")
        .contains("./airtix");
  }

  @Test
  void failsWhenKeycloakRunsWithoutTheRealm() throws IOException {
    HttpServer keycloakWithoutRealm = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    keycloakWithoutRealm.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    keycloakWithoutRealm.start();
    try {
      URI keycloak = URI.create("http://localhost:" + keycloakWithoutRealm.getAddress().getPort());

      int exitCode = command(keycloak).print("aerolux-agent");

      assertThat(exitCode).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("has no realm airtix (it answered 404): is Airtix still starting?");
    } finally {
      keycloakWithoutRealm.stop(0);
    }
  }

  private TokenCommand command(URI keycloak) {
    return new TokenCommand(
        new WebLogin(keycloak, "airtix"),
        new DemoAuthenticators(dataDir),
        Map.of(),
        question -> Optional.empty(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
