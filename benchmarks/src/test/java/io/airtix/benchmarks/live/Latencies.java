package io.airtix.benchmarks.live;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one group of subscribers, from an event's {@code occurredAt} (set when it was
 * published, carried as the message's {@code at}) to the moment a client read the message, on the
 * same machine's clock. Only events published from {@link #measureFrom} on count; those before are
 * the warm-up.
 */
final class Latencies {

  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
  private static final long SLOW_MICROS = 50_000;

  /** Seconds of the measured window a timeline is kept of. */
  private static final int TIMELINE_SECONDS = 3_600;

  private final Histogram measured = new Histogram(HIGHEST_MICROS, 3);
  private final long[] worstBySecond = new long[TIMELINE_SECONDS];
  private final long[] countBySecond = new long[TIMELINE_SECONDS];
  private final long[] slowBySecond = new long[TIMELINE_SECONDS];
  private volatile Instant from = Instant.MAX;
  private long warmUp;

  /** Events published from now on are measured. */
  void measureFrom(Instant from) {
    this.from = from;
  }

  synchronized void record(Instant at, Instant readAt) {
    if (at.isBefore(from)) {
      warmUp++;
      return;
    }
    long micros = Math.max(0, Duration.between(at, readAt).toNanos() / 1_000);
    measured.recordValue(Math.min(micros, HIGHEST_MICROS));
    int second = (int) Math.min(TIMELINE_SECONDS - 1, Duration.between(from, at).toSeconds());
    worstBySecond[second] = Math.max(worstBySecond[second], micros);
    countBySecond[second]++;
    if (micros > SLOW_MICROS) {
      slowBySecond[second]++;
    }
  }

  /**
   * Second by second of the measured window (by publication): messages, the slowest in ms, and how
   * many took more than 50 ms; as tab-separated lines.
   */
  synchronized String timeline() {
    StringBuilder lines = new StringBuilder("second\tmessages\tworst_ms\tover_50_ms\n");
    for (int second = 0; second < TIMELINE_SECONDS; second++) {
      if (countBySecond[second] > 0) {
        lines.append(
            String.format(
                java.util.Locale.ROOT,
                "%d\t%d\t%.1f\t%d%n",
                second,
                countBySecond[second],
                worstBySecond[second] / 1_000.0,
                slowBySecond[second]));
      }
    }
    return lines.toString();
  }

  /** The seconds of the window (by publication) with messages slower than 50 ms. */
  synchronized String slowSeconds() {
    StringBuilder seconds = new StringBuilder();
    for (int second = 0; second < TIMELINE_SECONDS; second++) {
      if (slowBySecond[second] > 0) {
        seconds.append(
            String.format(
                java.util.Locale.ROOT,
                "%s%d s: %d over 50 ms, worst %.1f ms",
                seconds.isEmpty() ? "" : "; ",
                second,
                slowBySecond[second],
                worstBySecond[second] / 1_000.0));
      }
    }
    return seconds.isEmpty() ? "none" : seconds.toString();
  }

  synchronized long count() {
    return measured.getTotalCount();
  }

  synchronized long warmUp() {
    return warmUp;
  }

  /** A percentile in milliseconds, with one decimal. */
  synchronized double percentileMillis(double percentile) {
    return measured.getValueAtPercentile(percentile) / 1_000.0;
  }

  synchronized double maxMillis() {
    return measured.getMaxValue() / 1_000.0;
  }

  synchronized double meanMillis() {
    return measured.getMean() / 1_000.0;
  }
}
