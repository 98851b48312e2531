package io.airtix.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.testing.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgesTests {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

  @Test
  void purgesEachOfWhatIsOlderThanItsOwnRetentionAsTheClockMoves() {
    RecordingPurge week = new RecordingPurge("sent events", Duration.ofDays(7));
    RecordingPurge month = new RecordingPurge("applied event ids", Duration.ofDays(30));
    Purges purges = new Purges(List.of(week.purge, month.purge), settings(), clock);

    purges.runOnce();
    clock.advance(Duration.ofHours(1));
    purges.runOnce();

    assertThat(week.cutoffs)
        .containsExactly(
            Instant.parse("2026-02-22T12:00:00Z"), Instant.parse("2026-02-22T13:00:00Z"));
    assertThat(month.cutoffs)
        .containsExactly(
            Instant.parse("2026-01-30T12:00:00Z"), Instant.parse("2026-01-30T13:00:00Z"));
  }

  @Test
  void aPurgeThatFailsLeavesTheOthersToRunAndTriesAgainNextTime() {
    RecordingPurge failing = new RecordingPurge("settled deadlines", Duration.ofDays(30));
    failing.fails = true;
    RecordingPurge next = new RecordingPurge("provider event ids", Duration.ofDays(30));
    Purges purges = new Purges(List.of(failing.purge, next.purge), settings(), clock);

    purges.runOnce();
    failing.fails = false;
    purges.runOnce();

    assertThat(failing.cutoffs).hasSize(2);
    assertThat(next.cutoffs).hasSize(2);
  }

  private static RetentionSettings settings() {
    return new RetentionSettings(Duration.ofHours(1));
  }

  /** Records the cutoffs it is given, and fails while told to. */
  private static final class RecordingPurge {

    private final Purge purge;
    private final List<Instant> cutoffs = new ArrayList<>();
    private boolean fails;

    RecordingPurge(String name, Duration retention) {
      this.purge = new Purge(name, retention, this::delete);
    }

    private int delete(Instant cutoff) {
      cutoffs.add(cutoff);
      if (fails) {
        throw new IllegalStateException("database unavailable");
      }
      return 1;
    }
  }
}
