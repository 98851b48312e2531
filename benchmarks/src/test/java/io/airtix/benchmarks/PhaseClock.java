package io.airtix.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each scenario's first virtual user started and its last one finished: Gatling's own
 * requests-per-second are averaged over the whole run, so a scenario's throughput is its request
 * count over this span. The span is also printed in epoch milliseconds, for the script's CPU
 * samples of each process to be cut to the same window.
 */
final class PhaseClock {

  private final Map<String, Long> starts = new ConcurrentHashMap<>();
  private final Map<String, Long> ends = new ConcurrentHashMap<>();

  void started(String phase) {
    starts.merge(phase, System.currentTimeMillis(), Math::min);
  }

  void ended(String phase) {
    ends.merge(phase, System.currentTimeMillis(), Math::max);
  }

  /** How long ago the phase's last virtual user finished. */
  Duration sinceEnd(String phase) {
    Long end = ends.get(phase);
    return end == null ? Duration.ZERO : Duration.ofMillis(System.currentTimeMillis() - end);
  }

  Duration span(String phase) {
    Long start = starts.get(phase);
    Long end = ends.get(phase);
    return start == null || end == null ? Duration.ZERO : Duration.ofMillis(end - start);
  }

  /**
   * One line per phase, {@code [benchmark] phase <name>: <requests> requests in <ms> ms = <n>
   * requests/s (epoch ms <start> to <end>)}.
   */
  void report(String phase, int requests) {
    long millis = span(phase).toMillis();
    SaleSetup.log(
        String.format(
            "phase %s: %d requests in %d ms = %.1f requests/s (epoch ms %d to %d)",
            phase,
            requests,
            millis,
            millis == 0 ? 0.0 : requests * 1000.0 / millis,
            starts.getOrDefault(phase, 0L),
            ends.getOrDefault(phase, 0L)));
  }
}
