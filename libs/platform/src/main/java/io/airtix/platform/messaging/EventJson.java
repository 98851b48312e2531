package io.airtix.platform.messaging;

import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire format of an event: the envelope's fields, then the payload record's components, as
 * JSON. Times are ISO-8601 UTC strings, amounts decimal numbers, and the payload's record is found
 * by the {@code type} string, so no Java class name is ever written. Uses its own mapper: a
 * service's Jackson settings must not change the wire.
 *
 * <pre>{"id":"…","type":"ticket.created","aggregateId":"…","aggregateVersion":0,"tenant":"aerolux",
 *  "occurredAt":"2026-11-24T10:00:00Z","payload":{…}}</pre>
 */
public final class EventJson {

  private final EventTypes types;
  private final JsonMapper mapper;

  public EventJson(EventTypes types) {
    this.types = types;
    this.mapper =
        JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a newer publisher may add payload fields; older consumers read what they know
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // 129.90 stays 129.90: amounts are read as decimals, never through a double, and keep
            // their scale
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
  }

  public String write(EventEnvelope<?> envelope) {
    if (!types.knows(envelope.type())) {
      throw new IllegalArgumentException(
          "Event type '" + envelope.type() + "' is not registered in EventTypes");
    }
    ObjectNode node = mapper.createObjectNode();
    node.put("id", envelope.id().toString());
    node.put("type", envelope.type());
    node.put("aggregateId", envelope.aggregateId());
    node.put("aggregateVersion", envelope.aggregateVersion());
    node.put("tenant", envelope.tenant());
    node.put("occurredAt", envelope.occurredAt().toString());
    node.set("payload", mapper.valueToTree(envelope.payload()));
    return mapper.writeValueAsString(node);
  }

  public EventEnvelope<Object> read(byte[] body) {
    return read(new String(body, StandardCharsets.UTF_8));
  }

  public EventEnvelope<Object> read(String json) {
    try {
      JsonNode node = mapper.readTree(json);
      String type = text(node, "type");
      if (!types.knows(type)) {
        throw new MalformedEventException("Unknown event type '" + type + "'", null);
      }
      JsonNode payload = node.get("payload");
      if (payload == null || !payload.isObject()) {
        throw new MalformedEventException("Event " + type + " has no payload object", null);
      }
      JsonNode version = node.get("aggregateVersion");
      if (version == null || !version.canConvertToLong()) {
        throw new MalformedEventException("Event " + type + " has no aggregateVersion", null);
      }
      return new EventEnvelope<>(
          UUID.fromString(text(node, "id")),
          type,
          text(node, "aggregateId"),
          version.asLong(),
          text(node, "tenant"),
          Instant.parse(text(node, "occurredAt")),
          mapper.treeToValue(payload, types.payloadOf(type)));
    } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException ex) {
      throw new MalformedEventException("Not an Airtix event: " + ex.getMessage(), ex);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw new MalformedEventException("Event field '" + field + "' is missing", null);
    }
    return value.asString();
  }
}
