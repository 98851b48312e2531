package io.airtix.benchmarks.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks at a process of this machine from outside: its memory (heap after a full collection through
 * {@code jcmd}, resident set, descriptors, threads), its CPU time, and the metrics a service's
 * management port exports.
 */
final class Probe {

  /** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ: 100 on Linux). */
  static final double TICKS_PER_SECOND = 100.0;

  private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final Pattern HISTOGRAM_LINE =
      Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(.+)");

  private final String jcmd;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Probe(String jcmd) {
    this.jcmd = jcmd;
  }

  /**
   * @param heapUsed bytes of heap in use after two full collections (what the objects take)
   * @param heapCommitted bytes of heap the JVM holds from the system then
   * @param rss the resident set (VmRSS), bytes
   */
  record Memory(long heapUsed, long heapCommitted, long rss, int descriptors, int threads) {

    Memory minus(Memory before) {
      return new Memory(
          heapUsed - before.heapUsed,
          heapCommitted - before.heapCommitted,
          rss - before.rss,
          descriptors - before.descriptors,
          threads - before.threads);
    }
  }

  /** A JVM's memory after two full collections ({@code jcmd GC.run}, then {@code GC.heap_info}). */
  Memory memory(long pid) {
    run(pid, "GC.run");
    run(pid, "GC.run");
    String info = run(pid, "GC.heap_info");
    long used = 0;
    long committed = 0;
    for (String line : info.split("\n")) {
      if (line.contains("Metaspace") || line.contains("class space")) {
        continue;
      }
      Matcher heap = HEAP.matcher(line);
      if (heap.find()) {
        committed += Long.parseLong(heap.group(1)) * 1024;
        used += Long.parseLong(heap.group(2)) * 1024;
      }
    }
    return new Memory(used, committed, rss(pid), descriptors(pid), threads(pid));
  }

  /**
   * The live objects of a JVM by class ({@code jcmd GC.class_histogram}, itself after a full
   * collection): class name to {instances, bytes}.
   */
  Map<String, long[]> classes(long pid) {
    Map<String, long[]> classes = new HashMap<>();
    for (String line : run(pid, "GC.class_histogram").split("\n")) {
      Matcher entry = HISTOGRAM_LINE.matcher(line);
      if (entry.matches()) {
        classes.put(
            entry.group(3).trim(),
            new long[] {Long.parseLong(entry.group(1)), Long.parseLong(entry.group(2))});
      }
    }
    return classes;
  }

  /**
   * What grew between two class histograms, largest first, per connection: a table of the {@code
   * rows} classes that took the most.
   */
  static String growth(Map<String, long[]> before, Map<String, long[]> after, int count, int rows) {
    record Growth(String name, long instances, long bytes) {}
    List<Growth> grown = new ArrayList<>();
    after.forEach(
        (name, now) -> {
          long[] then = before.getOrDefault(name, new long[2]);
          grown.add(new Growth(name, now[0] - then[0], now[1] - then[1]));
        });
    grown.sort(Comparator.comparingLong(Growth::bytes).reversed());
    long total = grown.stream().mapToLong(Growth::bytes).sum();
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%,d connections: %,.0f bytes per connection in all%n%n"
                + "| bytes per connection | instances per connection | class |%n|---:|---:|---|%n",
            count,
            total / (double) count));
    for (Growth growth : grown.subList(0, Math.min(rows, grown.size()))) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %,.0f | %.2f | `%s` |%n",
              growth.bytes() / (double) count,
              growth.instances() / (double) count,
              growth.name()));
    }
    return table.toString();
  }

  /** This JVM's own memory, after two full collections. */
  static Memory self() {
    System.gc();
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    long pid = ProcessHandle.current().pid();
    return new Memory(
        runtime.totalMemory() - runtime.freeMemory(),
        runtime.totalMemory(),
        rss(pid),
        descriptors(pid),
        threads(pid));
  }

  static long rss(long pid) {
    return status(pid, "VmRSS:") * 1024;
  }

  static int threads(long pid) {
    return (int) status(pid, "Threads:");
  }

  static int descriptors(long pid) {
    try (Stream<Path> open = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      return (int) open.count();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** User and system CPU time of a process so far, in clock ticks; 0 for pid 0. */
  static long cpuTicks(long pid) {
    if (pid == 0) {
      return 0;
    }
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // after the command's name in parentheses: state is field 3, utime 14, stime 15
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  private static long status(long pid, String field) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"));
      for (String line : lines) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
      throw new IllegalStateException("No " + field + " in /proc/" + pid + "/status");
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /**
   * The sum of a metric's samples (every label set, or those whose labels contain {@code labels})
   * at a management port's {@code /actuator/prometheus}.
   */
  double metric(URI management, String name, String labels) {
    String text;
    try {
      text =
          http.send(
                  HttpRequest.newBuilder(management.resolve("/actuator/prometheus")).GET().build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
              .body();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
    double sum = 0;
    for (String line : text.split("\n")) {
      if (!line.startsWith(name)
          || line.length() == name.length()
          || (line.charAt(name.length()) != ' ' && line.charAt(name.length()) != '{')) {
        continue;
      }
      if (labels != null && !line.contains(labels)) {
        continue;
      }
      String[] parts = line.trim().split("\\s+");
      sum += Double.parseDouble(parts[parts.length - 1]);
    }
    return sum;
  }

  private String run(long pid, String command) {
    try {
      Process process =
          new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
      }
      return output;
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}
