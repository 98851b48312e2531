package io.airtix.events;

/** An event payload that can describe itself to its {@link EventEnvelope}. */
public interface AggregateEvent {

  String eventType();

  String aggregateId();

  long aggregateVersion();

  String tenant();

  /**
   * Whether nothing follows this event in its aggregate's stream (a ticket withdrawn, an account
   * deleted): a consumer may forget the aggregate's position some time after applying it.
   */
  default boolean endsAggregate() {
    return false;
  }
}
