package io.airtix.launcher.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Keycloak as a child process of the launcher: {@code kc.sh start-dev} on port 8180, its H2
 * dev-file store in the installation's {@code data/} folder, its output in a log file. Whatever way
 * the launcher ends, {@link #stop()} (called from a shutdown hook) takes the whole process tree
 * down with it.
 */
public final class KeycloakServer {

  public static final int HTTP_PORT = 8180;
  public static final int MANAGEMENT_PORT = 9180;
  public static final URI BASE_URL = URI.create("http://localhost:" + HTTP_PORT);
  public static final String REALM = "airtix";
  public static final String ADMIN_USERNAME = "admin";

  private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 40;

  private final Path home;
  private final Path logFile;
  private final Path pidFile;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile Process process;

  public KeycloakServer(Path home, Path logFile, Path pidFile) {
    this.home = home;
    this.logFile = logFile;
    this.pidFile = pidFile;
  }

  public static URI realmUrl() {
    return BASE_URL.resolve("/realms/" + REALM);
  }

  public static URI readinessUrl() {
    return BASE_URL.resolve("/realms/" + REALM + "/.well-known/openid-configuration");
  }

  /**
   * Starts Keycloak. Extra environment variables reach {@code kc.sh} as they are: the distributed
   * mode passes {@code KC_DB*} there to put Keycloak on PostgreSQL.
   */
  public synchronized void start(String adminPassword, Map<String, String> environment) {
    stopLeftoverOfEarlierRun();
    for (int port : List.of(HTTP_PORT, MANAGEMENT_PORT)) {
      if (isListening(port)) {
        throw new KeycloakStartException(
            "Port "
                + port
                + " is in use: is another Airtix or Keycloak running?"
                + " Stop it and start again.",
            "");
      }
    }
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(
                  home.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--http-port",
                  String.valueOf(HTTP_PORT),
                  "--http-management-port",
                  String.valueOf(MANAGEMENT_PORT),
                  "--import-realm",
                  "--hostname",
                  BASE_URL.toString())
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile());
      Map<String, String> env = builder.environment();
      env.putAll(environment);
      // the airtix listener publishes user events to the embedded broker unless the environment
      // names another
      env.putIfAbsent("KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_HOST", "localhost");
      env.putIfAbsent("KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_PORT", "5673");
      // Keycloak keeps the common-password list in a Bloom filter, which by default refuses one
      // strong password in 10,000 as common; a billion costs a few kilobytes more for our list
      // (decision 0019)
      env.putIfAbsent(
          "KC_SPI_PASSWORD_POLICY__PASSWORD_BLACKLIST__FALSE_POSITIVE_PROBABILITY", "0.000000001");
      // the tenants client's secret, which the realm file leaves to the environment: used at the
      // realm's first import only; the launcher reads the secret back through the admin API
      env.putIfAbsent("AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET", AdminPassword.generate());
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
      // the JDK running the launcher is known to be good enough; whatever JAVA_HOME says may not be
      env.put("JAVA_HOME", System.getProperty("java.home"));
      process = builder.start();
      Files.writeString(pidFile, String.valueOf(process.pid()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Keycloak from " + home, e);
    }
  }

  /**
   * Waits until the realm answers its OpenID discovery document; fails early if Keycloak dies on
   * the way.
   */
  public Duration awaitReady(Instant startedAt, Duration timeout) {
    Instant deadline = startedAt.plus(timeout);
    HttpRequest discovery =
        HttpRequest.newBuilder(readinessUrl()).timeout(Duration.ofSeconds(2)).build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new KeycloakStartException(
            "Keycloak stopped during its start (exit code "
                + process.exitValue()
                + "). The end of "
                + logFile
                + ":",
            logTail());
      }
      try {
        if (http.send(discovery, BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.between(startedAt, Instant.now());
        }
      } catch (IOException notListeningYet) {
        // Keycloak opens its port only once it has built and started itself
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KeycloakStartException("Interrupted while waiting for Keycloak", "");
      }
      pause();
    }
    throw new KeycloakStartException(
        "Keycloak was not ready within " + timeout.toSeconds() + " s. The end of " + logFile + ":",
        logTail());
  }

  public boolean isRunning() {
    Process current = process;
    return current != null && current.isAlive();
  }

  public Process process() {
    return process;
  }

  public synchronized void stop() {
    Process current = process;
    if (current != null) {
      ProcessTree.stop(current.toHandle(), STOP_PATIENCE);
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // a stale pid file is checked against the process's command line before anything is done with
      // it
    }
  }

  /**
   * A launcher killed with SIGKILL runs no shutdown hook; its Keycloak would hold the port forever.
   */
  private void stopLeftoverOfEarlierRun() {
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
      ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(leftover -> leftover.info().commandLine().orElse("").contains(home.toString()))
          .ifPresent(leftover -> ProcessTree.stop(leftover, STOP_PATIENCE));
      Files.deleteIfExists(pidFile);
    } catch (IOException | NumberFormatException e) {
      // not ours to act on
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join(
          System.lineSeparator(),
          lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Keycloak did not come up; carries the end of its log so the person at the terminal sees why.
   */
  public static final class KeycloakStartException extends RuntimeException {

    private final String logTail;

    KeycloakStartException(String message, String logTail) {
      super(message);
      this.logTail = logTail;
    }

    public String logTail() {
      return logTail;
    }
  }
}
