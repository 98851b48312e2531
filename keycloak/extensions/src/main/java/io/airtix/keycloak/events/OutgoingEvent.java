package io.airtix.keycloak.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airtix.events.AggregateEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One event as the platform reads it: the envelope of libs/events in its field order (id, type,
 * aggregateId, aggregateVersion, tenant, occurredAt, payload), the payload being the record's
 * components. Written with its own mapper, so Keycloak's Jackson settings never change the wire,
 * and without any Java class name.
 */
record OutgoingEvent(UUID id, String type, byte[] json) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static OutgoingEvent of(AggregateEvent payload, Instant occurredAt) {
    UUID id = UUID.randomUUID();
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("id", id.toString());
    envelope.put("type", payload.eventType());
    envelope.put("aggregateId", payload.aggregateId());
    envelope.put("aggregateVersion", payload.aggregateVersion());
    envelope.put("tenant", payload.tenant());
    envelope.put("occurredAt", occurredAt.toString());
    envelope.set("payload", JSON.valueToTree(payload));
    try {
      return new OutgoingEvent(id, payload.eventType(), JSON.writeValueAsBytes(envelope));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write event " + payload.eventType(), e);
    }
  }

  String text() {
    return new String(json, StandardCharsets.UTF_8);
  }
}
