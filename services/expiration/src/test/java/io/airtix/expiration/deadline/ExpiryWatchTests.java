package io.airtix.expiration.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpiryWatchTests {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Duration POLL = Duration.ofSeconds(1);

  @Test
  void sleepsUntilTheEarliestDeadlineWhenItComesBeforeTheNextPoll() {
    assertThat(ExpiryWatch.nextWait(Optional.of(NOW.plusMillis(250)), NOW, POLL))
        .isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void sleepsNoLongerThanThePollIntervalSoOtherInstancesDeadlinesAreSeen() {
    assertThat(ExpiryWatch.nextWait(Optional.of(NOW.plusSeconds(900)), NOW, POLL)).isEqualTo(POLL);
    assertThat(ExpiryWatch.nextWait(Optional.empty(), NOW, POLL)).isEqualTo(POLL);
  }

  @Test
  void doesNotSleepWhenTheEarliestDeadlinePassed() {
    assertThat(ExpiryWatch.nextWait(Optional.of(NOW.minusSeconds(5)), NOW, POLL)).isZero();
    assertThat(ExpiryWatch.nextWait(Optional.of(NOW), NOW, POLL)).isZero();
  }
}
