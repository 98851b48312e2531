package io.airtix.testing.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A standalone Airtix as a person starts it, {@code java -jar <launcher jar> --data-dir <folder>}:
 * Keycloak from its distribution with the realm file and our extension, the mail catcher and the
 * embedded broker, all on the standalone mode's fixed ports. Tests that must prove a feature in the
 * launcher's setup run against its Keycloak instead of starting one of their own: {@link
 * KeycloakServer#shared()} does so when the system property {@value #JAR_PROPERTY} names the
 * launcher's jar.
 *
 * <p>The ports, the admin account and the password file are the launcher's (its {@code
 * KeycloakServer}, {@code MailCatcher} and {@code AdminPassword}); they are fixed by the standalone
 * mode and repeated here because the launcher depends on this module, not the other way round.
 */
final class StandaloneAirtix {

  static final String JAR_PROPERTY = "airtix.keycloak.standalone-launcher";
  static final int KEYCLOAK_PORT = 8180;
  static final int SMTP_PORT = 3025;
  static final URI MAIL_PAGE = URI.create("http://localhost:8025/");
  static final String ADMIN_USERNAME = "admin";

  /**
   * A first start unpacks Keycloak and lets it build itself; on two busy cores that can take
   * minutes.
   */
  private static final Duration START_PATIENCE = Duration.ofMinutes(8);

  private static final Duration STOP_PATIENCE = Duration.ofSeconds(60);
  private static final String STARTED = "Airtix started in";
  private static final int LOG_TAIL_LINES = 80;

  private final Process process;
  private final Path dataDir;
  private final Path output;

  private StandaloneAirtix(Process process, Path dataDir, Path output) {
    this.process = process;
    this.dataDir = dataDir;
    this.output = output;
  }

  /**
   * Whether the tests of this JVM are to use a standalone Airtix rather than a Keycloak of their
   * own.
   */
  static boolean configured() {
    String jar = System.getProperty(JAR_PROPERTY);
    return jar != null && !jar.isBlank();
  }

  /** Starts the launcher's jar on a fresh data folder and returns once it says it started. */
  static StandaloneAirtix start() {
    Path jar = Path.of(System.getProperty(JAR_PROPERTY));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "the launcher's jar is missing at "
              + jar
              + ": build it first (mvn package -pl "
              + "launcher) or point "
              + JAR_PROPERTY
              + " at it");
    }
    Path dataDir = dataDir();
    Path output = dataDir.resolve("launcher.log");
    Process process;
    try {
      deleteRecursively(dataDir);
      Files.createDirectories(dataDir);
      process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "--data-dir",
                  dataDir.toString())
              .directory(dataDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + jar, e);
    }
    StandaloneAirtix airtix = new StandaloneAirtix(process, dataDir, output);
    airtix.awaitStarted();
    return airtix;
  }

  private static Path dataDir() {
    return Path.of(System.getProperty("airtix.root", "."))
        .resolve("target")
        .resolve("standalone-airtix");
  }

  /**
   * The password of the broker's observer account, which the launcher makes at each start and keeps
   * in the data folder.
   */
  static String brokerObserverPassword() {
    Path file = dataDir().resolve("broker").resolve("observer-password");
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the standalone Airtix kept no broker observer password at " + file, e);
    }
  }

  /**
   * The password the launcher generated for Keycloak's bootstrap administrator and keeps in the
   * data folder.
   */
  String adminPassword() {
    try {
      return Files.readString(dataDir.resolve("keycloak-admin-password"), StandardCharsets.UTF_8)
          .strip();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the launcher kept no Keycloak admin password in " + dataDir, e);
    }
  }

  Path keycloakLog() {
    return dataDir.resolve("logs").resolve("keycloak.log");
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops the launcher as a person would (SIGTERM); it stops Keycloak and everything else it
   * started.
   */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  String logTail() {
    return tail(output) + System.lineSeparator() + tail(keycloakLog());
  }

  private void awaitStarted() {
    try {
      Awaitility.await("the standalone Airtix started")
          .atMost(START_PATIENCE)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "the launcher exited with "
                          + process.exitValue()
                          + " before it started:"
                          + System.lineSeparator()
                          + logTail());
                }
                return Files.readString(output, StandardCharsets.UTF_8).contains(STARTED);
              });
    } catch (ConditionTimeoutException e) {
      stop();
      throw new IllegalStateException(
          "the launcher did not start within "
              + START_PATIENCE
              + ":"
              + System.lineSeparator()
              + logTail(),
          e);
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join(
          System.lineSeparator(),
          lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
