package io.airtix.keycloak.events;

import java.util.List;

/** The events handed to the publisher that the broker has not confirmed yet, oldest first. */
interface UnsentEvents {

  /** Keeps the events of one committed transaction, in their order. */
  void add(List<OutgoingEvent> events);

  /** At most {@code max} of the oldest events. */
  List<OutgoingEvent> oldest(int max);

  /** Forgets events the broker confirmed. */
  void remove(List<OutgoingEvent> confirmed);

  int count();
}
