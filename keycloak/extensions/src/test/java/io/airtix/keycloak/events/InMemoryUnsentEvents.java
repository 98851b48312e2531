package io.airtix.keycloak.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Unsent events in a list, for the publisher's tests against real brokers; Keycloak keeps them in
 * its database ({@link StoredUnsentEvents}).
 */
final class InMemoryUnsentEvents implements UnsentEvents {

  private final List<OutgoingEvent> events = new ArrayList<>();

  @Override
  public synchronized void add(List<OutgoingEvent> added) {
    events.addAll(added);
  }

  @Override
  public synchronized List<OutgoingEvent> oldest(int max) {
    return List.copyOf(events.subList(0, Math.min(max, events.size())));
  }

  @Override
  public synchronized void remove(List<OutgoingEvent> confirmed) {
    events.removeAll(confirmed);
  }

  @Override
  public synchronized int count() {
    return events.size();
  }
}
