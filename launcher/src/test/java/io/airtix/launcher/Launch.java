package io.airtix.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/** One run of the packaged launcher and what it printed. */
public record Launch(Process process, Path outputFile, Path dataDir) {

  /**
   * The first start unpacks Keycloak and lets it build itself; on two busy cores that can take
   * minutes.
   */
  private static final Duration START_PATIENCE = Duration.ofMinutes(6);

  private static final Duration STOP_PATIENCE = Duration.ofSeconds(60);
  private static final int TAIL_LINES = 60;
  private static final String STARTED = "Airtix started in";
  private static final Pattern START_TIME = Pattern.compile("Airtix started in ([0-9.]+) s");
  private static final int BROKER_PORT = 5673;

  /** What must be gone once the launcher has stopped, noted while it still runs. */
  public record Stopping(long keycloakPid, List<ProcessHandle> descendants) {}

  /**
   * Starts {@code java -jar <jar> --data-dir <dataDir>} as a person at a terminal would, its output
   * in {@code launcher-<name>.log} of the data folder; {@link #awaitStarted()} waits for it.
   */
  public static Launch start(Path jar, Path dataDir, String name, Map<String, String> environment) {
    Path output = dataDir.resolve("launcher-" + name + ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  asTerminalWould(java(), "-jar", jar.toString(), "--data-dir", dataDir.toString()))
              .directory(dataDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().putAll(environment);
      return new Launch(builder.start(), output, dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + jar, e);
    }
  }

  /**
   * A terminal starts a command with Ctrl-C's SIGINT at its default; a build that runs as a
   * background job of a non-interactive shell passes SIGINT on as ignored, and a JVM keeps ignoring
   * it. Perl (part of every Debian base system) restores the default before it becomes the
   * launcher, so the Ctrl-C step tests the launcher, not the way the build was started.
   */
  private static List<String> asTerminalWould(String... command) {
    List<String> withDefaultSigint =
        new ArrayList<>(
            List.of(
                "perl",
                "-e",
                "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\";"));
    withDefaultSigint.addAll(List.of(command));
    return withDefaultSigint;
  }

  /** The java command this test runs on, for the launcher to run on too. */
  public static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  public static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public void awaitStarted() {
    try {
      await()
          .atMost(START_PATIENCE)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                if (output().contains(STARTED)) {
                  return true;
                }
                if (!process.isAlive()) {
                  fail(
                      "The launcher exited with "
                          + process.exitValue()
                          + " before it started."
                          + diagnostics());
                }
                return false;
              });
    } catch (ConditionTimeoutException e) {
      fail(
          "The launcher did not start within "
              + START_PATIENCE.toMinutes()
              + " min."
              + diagnostics());
    }
  }

  public String output() {
    return read(outputFile);
  }

  public String reportedStartTime() {
    Matcher time = START_TIME.matcher(output());
    return time.find() ? time.group(1) + " s" : "(not printed)";
  }

  public Stopping beforeStopping() {
    Path pidFile = dataDir.resolve("keycloak.pid");
    assertThat(pidFile).as("Keycloak's pid file while it runs").isRegularFile();
    long keycloakPid = Long.parseLong(read(pidFile).strip());
    List<ProcessHandle> descendants = process.descendants().toList();
    assertThat(descendants)
        .extracting(ProcessHandle::pid)
        .as("the launcher's child processes")
        .contains(keycloakPid);
    return new Stopping(keycloakPid, descendants);
  }

  public void assertStoppedEverything(Stopping stopping) {
    boolean exited;
    try {
      exited = process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertThat(exited)
        .as(
            "the launcher exited within %d s.%s",
            STOP_PATIENCE.toSeconds(), exited ? "" : diagnostics())
        .isTrue();
    // orphans, if any, are reaped by init a moment after their parent ended
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(ProcessHandle.of(stopping.keycloakPid()).filter(ProcessHandle::isAlive))
                  .as("Keycloak (pid %d)", stopping.keycloakPid())
                  .isEmpty();
              assertThat(stopping.descendants())
                  .as("the launcher's descendants")
                  .noneMatch(ProcessHandle::isAlive);
            });
    assertThat(dataDir.resolve("keycloak.pid"))
        .as("Keycloak's pid file after a clean stop")
        .doesNotExist();
    assertThat(isListening(BROKER_PORT))
        .as("the event broker's port %d after the launcher stopped", BROKER_PORT)
        .isFalse();
    assertThat(output()).contains("Keycloak stopped.");
  }

  /** Whether the process started with SIGINT ignored, which a JVM then keeps ignoring. */
  public boolean ignoresSigint() throws IOException {
    Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
    Optional<String> ignored =
        Files.readAllLines(status).stream()
            .filter(line -> line.startsWith("SigIgn:"))
            .map(line -> line.substring("SigIgn:".length()).strip())
            .findFirst();
    assertThat(ignored).as("SigIgn in %s", status).isPresent();
    long sigint = 1L << (2 - 1);
    return (Long.parseUnsignedLong(ignored.get(), 16) & sigint) != 0;
  }

  /** Kills what is left of this run, tree and Keycloak, whatever state the test is in. */
  public void stopForcefully() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    keycloakPid()
        .flatMap(ProcessHandle::of)
        .filter(keycloak -> keycloak.info().commandLine().orElse("").contains(dataDir.toString()))
        .ifPresent(tree::add);
    tree.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plusSeconds(30);
    for (ProcessHandle each : tree) {
      try {
        each.onExit()
            .get(
                Math.max(Duration.between(Instant.now(), deadline).toMillis(), 1),
                TimeUnit.MILLISECONDS);
      } catch (Exception stillRunning) {
        each.destroyForcibly();
      }
    }
  }

  private Optional<Long> keycloakPid() {
    Path pidFile = dataDir.resolve("keycloak.pid");
    try {
      return Files.isRegularFile(pidFile)
          ? Optional.of(Long.parseLong(read(pidFile).strip()))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String diagnostics() {
    return System.lineSeparator()
        + tail("the launcher's output", outputFile)
        + tail("Keycloak's log", dataDir.resolve("logs/keycloak.log"))
        + tail("the services' log", dataDir.resolve("logs/airtix.log"));
  }

  private static String tail(String what, Path file) {
    if (!Files.isRegularFile(file)) {
      return System.lineSeparator()
          + "--- "
          + what
          + ": "
          + file
          + " does not exist"
          + System.lineSeparator();
    }
    List<String> lines = read(file).lines().toList();
    return System.lineSeparator()
        + "--- the last "
        + TAIL_LINES
        + " lines of "
        + what
        + " ("
        + file
        + "):"
        + System.lineSeparator()
        + String.join(
            System.lineSeparator(),
            lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()))
        + System.lineSeparator();
  }

  public static String read(Path file) {
    try {
      // leniently: a log may hold bytes that are not UTF-8
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
