package io.airtix.events;

/** An event payload that can describe itself to its {@link EventEnvelope}. */
public interface AggregateEvent {

  String eventType();

  String aggregateId();

  long aggregateVersion();

  String tenant();
}
