package io.airtix.expiration.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What both indexes of deadlines do, in memory and in Redis. */
abstract class DeadlineIndexContract {

  static final Instant NOON = Instant.parse("2026-11-24T12:00:00Z");

  /** An empty index of its own for each test. */
  abstract DeadlineIndex index();

  @Test
  void givesPassedDeadlinesEarliestFirstAndNothingNotYetDue() {
    DeadlineIndex index = index();
    UUID late = UUID.randomUUID();
    UUID early = UUID.randomUUID();
    UUID exactlyNow = UUID.randomUUID();
    UUID future = UUID.randomUUID();
    index.add(late, NOON.minusSeconds(1));
    index.add(future, NOON.plusMillis(1));
    index.add(early, NOON.minusSeconds(60));
    index.add(exactlyNow, NOON);

    assertThat(index.passed(NOON, 10)).containsExactly(early, late, exactlyNow);
    assertThat(index.passed(NOON, 2)).containsExactly(early, late);
    assertThat(index.passed(NOON.minusSeconds(61), 10)).isEmpty();
    assertThat(index.earliest()).contains(NOON.minusSeconds(60));
    assertThat(index.size()).isEqualTo(4);
  }

  @Test
  void forgetsRemovedDeadlines() {
    DeadlineIndex index = index();
    UUID kept = UUID.randomUUID();
    UUID removed = UUID.randomUUID();
    index.add(kept, NOON.minusSeconds(1));
    index.add(removed, NOON.minusSeconds(2));

    index.remove(removed);
    index.remove(UUID.randomUUID());

    assertThat(index.passed(NOON, 10)).containsExactly(kept);
    assertThat(index.earliest()).contains(NOON.minusSeconds(1));
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void keepsOneEntryPerOrderAtItsLatestDeadline() {
    DeadlineIndex index = index();
    UUID order = UUID.randomUUID();
    index.add(order, NOON.minusSeconds(5));

    index.add(order, NOON.plusSeconds(5));

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.passed(NOON, 10)).isEmpty();
    assertThat(index.earliest()).contains(NOON.plusSeconds(5));
  }

  @Test
  void isEmptyAtFirst() {
    DeadlineIndex index = index();

    assertThat(index.earliest()).isEmpty();
    assertThat(index.passed(NOON, 10)).isEmpty();
    assertThat(index.size()).isZero();
  }
}
