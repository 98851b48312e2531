package io.airtix.testing.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One running Keycloak: {@code kc.sh start-dev} on free ports with an in-memory database, so each
 * run starts from an empty server. {@code kc.sh} starts Keycloak's JVM as its child, so stopping
 * means stopping the whole tree.
 */
final class KeycloakProcess {

  /** Covers a first start with the build step on a busy two-core machine. */
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
  private static final int LOG_TAIL_LINES = 80;

  private final Process process;
  private final Path log;
  private final int httpPort;

  private KeycloakProcess(Process process, Path log, int httpPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  /** Starts Keycloak and returns once it answers HTTP requests. */
  static KeycloakProcess start(Path home, Path log, String adminUsername, String adminPassword) {
    return start(home, log, adminUsername, adminPassword, keycloak -> Map.of());
  }

  /**
   * Starts Keycloak and returns once it answers HTTP requests.
   *
   * @param adminUsername the temporary admin of the master realm
   * @param adminPassword its password, never written to disk by us
   * @param moreEnvironment further settings, e.g. {@code KC_SPI_…} options, given Keycloak's root
   *     URL
   */
  static KeycloakProcess start(
      Path home,
      Path log,
      String adminUsername,
      String adminPassword,
      Function<URI, Map<String, String>> moreEnvironment) {
    int httpPort = freePort();
    int managementPort = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                // build-time option: keep every option of this kind identical between runs, or
                // Keycloak rebuilds
                "--db=dev-mem"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    // settings of a developer's own Keycloak must not leak into the tests' one
    environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_"));
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername);
    environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    // as the launcher starts it: a strong password is refused as common only once in a billion
    // (decision 0019)
    environment.put(
        "KC_SPI_PASSWORD_POLICY__PASSWORD_BLACKLIST__FALSE_POSITIVE_PROBABILITY", "0.000000001");
    environment.putAll(KeycloakEventBroker.configured().keycloakEnvironment());
    environment.putAll(moreEnvironment.apply(URI.create("http://localhost:" + httpPort)));
    Process process;
    try {
      Files.createDirectories(log.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command.get(0), e);
    }
    KeycloakProcess keycloak = new KeycloakProcess(process, log, httpPort);
    keycloak.awaitReady();
    return keycloak;
  }

  int httpPort() {
    return httpPort;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Stops Keycloak's JVM and the script that started it; forcibly if they do not stop in time. */
  void stop() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    // children first: killing kc.sh alone would leave Keycloak's JVM running as an orphan
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        handle.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        tree.forEach(ProcessHandle::destroyForcibly);
        return;
      }
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          System.lineSeparator(),
          lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(could not read " + log + ": " + e.getMessage() + ")";
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI masterRealm = URI.create("http://localhost:" + httpPort + "/realms/master");
    try {
      Awaitility.await("Keycloak answering on port " + httpPort)
          .atMost(STARTUP_TIMEOUT)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "Keycloak exited with code " + process.exitValue());
                }
                return answers(client, masterRealm);
              });
    } catch (ConditionTimeoutException | IllegalStateException e) {
      String tail = logTail();
      stop();
      throw new IllegalStateException(
          "Keycloak did not start ("
              + e.getMessage()
              + "); the end of "
              + log
              + ":"
              + System.lineSeparator()
              + tail,
          e);
    }
  }

  private static boolean answers(HttpClient client, URI uri) throws InterruptedException {
    try {
      return client
              .send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      // not listening yet
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
