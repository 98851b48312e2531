package io.airtix.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every Airtix event looks like on the wire. Consumers use {@code id} to ignore an event they
 * have already applied, and {@code aggregateVersion} to apply version N+1 only after N.
 *
 * @param id unique per event; the deduplication key
 * @param type stable name of the payload, e.g. {@code ticket.created}; never a Java class name
 * @param aggregateId id of the object the event is about
 * @param aggregateVersion version of that object after the change
 * @param tenant the airline the object belongs to
 * @param occurredAt when the change was committed
 * @param payload the event itself
 * @param <T> payload type
 */
public record EventEnvelope<T>(
    UUID id,
    String type,
    String aggregateId,
    long aggregateVersion,
    String tenant,
    Instant occurredAt,
    T payload) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(payload, "payload");
    if (type.isBlank()) {
      throw new IllegalArgumentException("type must not be blank");
    }
    if (aggregateVersion < 0) {
      throw new IllegalArgumentException("aggregateVersion must not be negative");
    }
  }

  /** Wraps an event that names its own type, aggregate, version and tenant, with a fresh id. */
  public static <T extends AggregateEvent> EventEnvelope<T> wrap(T event, Instant occurredAt) {
    return new EventEnvelope<>(
        UUID.randomUUID(),
        event.eventType(),
        event.aggregateId(),
        event.aggregateVersion(),
        event.tenant(),
        occurredAt,
        event);
  }
}
