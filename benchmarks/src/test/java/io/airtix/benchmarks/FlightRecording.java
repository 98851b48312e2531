package io.airtix.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JFR recording of the service under test, started and stopped through {@code jcmd} so that it covers one
 * scenario only. Without {@code airtix.bench.jfr-pid} nothing is recorded.
 */
record FlightRecording(String pid, String file) {

  private static final String NAME = "airtix-benchmark";

  static FlightRecording fromSystemProperties() {
    return new FlightRecording(System.getProperty("airtix.bench.jfr-pid"),
        System.getProperty("airtix.bench.jfr-file", "target/reservations.jfr"));
  }

  /** Also leaves {@code <file>.active} while recording, so other samplers (the script's) can keep to the same span. */
  void start() {
    jcmd("JFR.start", "name=" + NAME, "settings=profile");
    marker(true);
  }

  void stop() {
    marker(false);
    jcmd("JFR.stop", "name=" + NAME, "filename=" + file);
  }

  private void marker(boolean active) {
    if (pid == null || pid.isBlank()) {
      return;
    }
    Path marker = Path.of(file + ".active");
    try {
      if (active) {
        Files.writeString(marker, "recording");
      }
      else {
        Files.deleteIfExists(marker);
      }
    }
    catch (IOException e) {
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
    }
    catch (IOException e) {
      throw new IllegalStateException("Could not run " + String.join(" ", line), e);
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running jcmd", e);
    }
  }
}
