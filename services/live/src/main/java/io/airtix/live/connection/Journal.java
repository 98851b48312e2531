package io.airtix.live.connection;

import io.airtix.live.message.LiveMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recent messages, in the order this instance received them, for clients that come back: kept
 * for {@code retention} and at most {@code limit} of them. Every instance consumes the backbone's
 * events in the order the broker routed them, so "what came after position P" is the same list on
 * every instance that saw P. Not thread-safe: {@link Connections} holds its lock around it.
 */
final class Journal {

  private record Entry(long sequence, LiveMessage message, Instant received) {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final Map<String, Long> lastSequenceOf = new HashMap<>();
  private final Duration retention;
  private final int limit;
  private final Clock clock;
  private long nextSequence;

  Journal(Duration retention, int limit, Clock clock) {
    this.retention = retention;
    this.limit = limit;
    this.clock = clock;
  }

  boolean knows(String position) {
    forgetOld(clock.instant());
    return lastSequenceOf.containsKey(position);
  }

  void append(LiveMessage message) {
    Instant now = clock.instant();
    long sequence = nextSequence++;
    entries.addLast(new Entry(sequence, message, now));
    lastSequenceOf.put(message.position(), sequence);
    forgetOld(now);
  }

  private void forgetOld(Instant now) {
    Instant oldest = now.minus(retention);
    while (!entries.isEmpty()
        && (entries.size() > limit || entries.getFirst().received().isBefore(oldest))) {
      Entry gone = entries.removeFirst();
      lastSequenceOf.remove(gone.message().position(), gone.sequence());
    }
  }

  /**
   * The messages received after the last one at {@code position}, oldest first; empty when the
   * position is unknown here (too old, or from before this instance started): the client must
   * reload.
   */
  Optional<List<LiveMessage>> after(String position) {
    // after a quiet spell nothing was appended to push the old out: what is past retention is gone
    forgetOld(clock.instant());
    Long sequence = lastSequenceOf.get(position);
    if (sequence == null) {
      return Optional.empty();
    }
    List<LiveMessage> later = new ArrayList<>();
    Iterator<Entry> newestFirst = entries.descendingIterator();
    while (newestFirst.hasNext()) {
      Entry entry = newestFirst.next();
      if (entry.sequence() <= sequence) {
        break;
      }
      later.add(entry.message());
    }
    Collections.reverse(later);
    return Optional.of(later);
  }

  int size() {
    return entries.size();
  }
}
