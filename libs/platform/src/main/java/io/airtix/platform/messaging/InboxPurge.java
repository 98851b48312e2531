package io.airtix.platform.messaging;

import io.airtix.events.EventTypes;
import io.airtix.platform.messaging.InboxListenerMethods.Handler;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
  private static Collection<String> newerOnlyStreams(Map<String, Handler> handlers) {
    Set<String> newerOnly = new TreeSet<>();
    Set<String> inSequence = new TreeSet<>();
    for (Handler handler : handlers.values()) {
      String stream = EventTypes.streamOf(handler.type());
      (handler.ordering() == EventOrdering.NEWER_ONLY ? newerOnly : inSequence).add(stream);
    }
    newerOnly.removeAll(inSequence);
    return newerOnly;
  }
}
