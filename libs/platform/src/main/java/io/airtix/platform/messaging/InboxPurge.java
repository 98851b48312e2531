package io.airtix.platform.messaging;

import io.airtix.events.EventTypes;
import io.airtix.platform.messaging.InboxListenerMethods.Handler;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applied event ids and the positions no delivery will ask about any more (see {@link
 * InboxStore#purgeBefore}).
 */
final class InboxPurge {

  private final InboxStore store;
  private final EventInbox inbox;

  InboxPurge(InboxStore store, EventInbox inbox) {
    this.store = store;
    this.inbox = inbox;
  }

  int purgeBefore(Instant cutoff) {
    return store.purgeBefore(cutoff.toEpochMilli(), newerOnlyStreams(inbox.handlers()));
  }

  /** The streams whose every listener here applies them newer-only. */
  static Collection<String> newerOnlyStreams(Map<String, Handler> handlers) {
    return handlers.values().stream()
        .collect(
            Collectors.groupingBy(
                handler -> EventTypes.streamOf(handler.type()),
                Collectors.reducing(
                    true,
                    handler -> handler.ordering() == EventOrdering.NEWER_ONLY,
                    Boolean::logicalAnd)))
        .entrySet()
        .stream()
        .filter(Map.Entry::getValue)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }
}
