package io.airtix.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A JFR recording of the service under test, driven through {@code jcmd}: it runs from before the
 * warm-up to the end of the run, and the file keeps the span of one scenario. Starting a recording
 * makes the JVM throw away its compiled code (about 15,000 methods of the orders service) and
 * compile it again, which takes seconds of CPU: started at a scenario's beginning it would measure
 * the compiler, not the service. Without {@code airtix.bench.jfr-pid} nothing is recorded.
 */
final class FlightRecording {

  private static final String NAME = "airtix-benchmark";

  private final String pid;
  private final String file;
  private volatile LocalDateTime spanStart;

  private FlightRecording(String pid, String file) {
    this.pid = pid;
    this.file = file;
  }

  static FlightRecording fromSystemProperties() {
    return new FlightRecording(
        System.getProperty("airtix.bench.jfr-pid"),
        System.getProperty("airtix.bench.jfr-file", "target/reservations.jfr"));
  }

  void start() {
    jcmd("JFR.start", "name=" + NAME, "settings=profile");
  }

  /**
   * Also leaves {@code <file>.active} until the span ends, so other samplers (the script's) keep to
   * the same span.
   */
  void beginSpan() {
    spanStart = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
    marker(true);
  }

  /**
   * Writes what was recorded since {@link #beginSpan()} (whole chunks: a little more at either end)
   * to the file.
   */
  void endSpan() {
    marker(false);
    jcmd(
        "JFR.dump",
        "name=" + NAME,
        "filename=" + file,
        "begin=" + spanStart,
        "end=" + LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS));
  }

  void stop() {
    jcmd("JFR.stop", "name=" + NAME);
  }

  private void marker(boolean active) {
    if (pid == null || pid.isBlank()) {
      return;
    }
    Path marker = Path.of(file + ".active");
    try {
      if (active) {
        Files.writeString(marker, "recording");
      } else {
        Files.deleteIfExists(marker);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not mark the recording in " + marker, e);
    }
  }

  private void jcmd(String... command) {
    if (pid == null || pid.isBlank()) {
      return;
    }
    List<String> line = new ArrayList<>(List.of("jcmd", pid));
    line.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(line).inheritIO().start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", line) + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + String.join(" ", line), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running jcmd", e);
    }
  }
}
