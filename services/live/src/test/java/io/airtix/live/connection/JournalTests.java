package io.airtix.live.connection;

import static io.airtix.live.message.LiveMessageMother.AEROLUX;
import static io.airtix.live.message.LiveMessageMother.catalogue;
import static io.airtix.live.message.LiveMessageMother.sameEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.live.message.Audience;
import io.airtix.live.message.LiveMessage;
import io.airtix.testing.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JournalTests {

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-10T12:00:00Z"));

  @Test
  void givesExactlyTheMessagesAfterAPositionInTheOrderItReceivedThem() {
    Journal journal = new Journal(Duration.ofMinutes(5), 100, clock);
    List<LiveMessage> messages = append(journal, 5);

    assertThat(journal.after(messages.get(1).position()))
        .hasValue(List.of(messages.get(2), messages.get(3), messages.get(4)));
    assertThat(journal.after(messages.get(0).position())).hasValue(messages.subList(1, 5));
    assertThat(journal.after(messages.get(4).position())).hasValue(List.of());
  }

  @Test
  void resumesAfterTheLastMessageOfAnEventThatMadeSeveral() {
    Journal journal = new Journal(Duration.ofMinutes(5), 100, clock);
    LiveMessage first = catalogue(AEROLUX);
    LiveMessage second = sameEvent(first, new Audience.Customer("alice"));
    LiveMessage third = sameEvent(first, new Audience.Staff(AEROLUX, "orders"));
    LiveMessage next = catalogue(AEROLUX);
    List.of(first, second, third, next).forEach(journal::append);

    assertThat(journal.knows(first.position())).isTrue();
    assertThat(journal.after(first.position())).hasValue(List.of(next));
  }

  @Test
  void forgetsWhatOutlivedItsRetentionEvenWhenNothingNewCame() {
    Journal journal = new Journal(Duration.ofMinutes(5), 100, clock);
    List<LiveMessage> messages = append(journal, 2);

    clock.advance(Duration.ofMinutes(6));

    assertThat(journal.knows(messages.get(0).position())).isFalse();
    assertThat(journal.after(messages.get(0).position())).isEmpty();
  }

  @Test
  void knowsNothingAfterAPositionItNeverSaw() {
    Journal journal = new Journal(Duration.ofMinutes(5), 100, clock);
    append(journal, 3);

    assertThat(journal.knows("never-seen")).isFalse();
    assertThat(journal.after("never-seen")).isEmpty();
    assertThat(journal.after(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void forgetsMessagesOlderThanItsRetention() {
    Journal journal = new Journal(Duration.ofMinutes(5), 100, clock);
    LiveMessage old = catalogue(AEROLUX);
    journal.append(old);
    clock.advance(Duration.ofMinutes(3));
    LiveMessage recent = catalogue(AEROLUX);
    journal.append(recent);
    clock.advance(Duration.ofMinutes(3));
    LiveMessage latest = catalogue(AEROLUX);

    journal.append(latest);

    assertThat(journal.size()).isEqualTo(2);
    assertThat(journal.knows(old.position())).isFalse();
    assertThat(journal.after(old.position())).isEmpty();
    assertThat(journal.knows(recent.position())).isTrue();
    assertThat(journal.after(recent.position())).hasValue(List.of(latest));
  }

  @Test
  void keepsAMessageExactlyAsOldAsItsRetention() {
    Journal journal = new Journal(Duration.ofMinutes(5), 100, clock);
    LiveMessage old = catalogue(AEROLUX);
    journal.append(old);
    clock.advance(Duration.ofMinutes(5));
    LiveMessage latest = catalogue(AEROLUX);

    journal.append(latest);

    assertThat(journal.after(old.position())).hasValue(List.of(latest));
  }

  @Test
  void keepsAtMostItsLimitAndForgetsTheOldest() {
    Journal journal = new Journal(Duration.ofMinutes(5), 3, clock);

    List<LiveMessage> messages = append(journal, 5);

    assertThat(journal.size()).isEqualTo(3);
    assertThat(journal.knows(messages.get(0).position())).isFalse();
    assertThat(journal.knows(messages.get(1).position())).isFalse();
    assertThat(journal.after(messages.get(1).position())).isEmpty();
    assertThat(journal.after(messages.get(2).position()))
        .hasValue(List.of(messages.get(3), messages.get(4)));
  }

  private static List<LiveMessage> append(Journal journal, int count) {
    List<LiveMessage> messages =
        IntStream.range(0, count).mapToObj(i -> catalogue(AEROLUX)).toList();
    messages.forEach(journal::append);
    return messages;
  }
}
