package io.airtix.live.message;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the protocol's JSON: every message is {@code {type, position, channel, at, data}}. */
public final class MessageJson {

  private final JsonMapper json =
      JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  LiveMessage message(String position, String type, Audience audience, Instant at, Object data) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", type);
    message.put("position", position);
    message.put("channel", audience.channel());
    message.put("at", at);
    message.put("data", data);
    return new LiveMessage(position, type, audience, at, json.writeValueAsString(message));
  }

  /** A message about the connection itself: it has no position and is never replayed. */
  public String control(String type, @Nullable Object data) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", type);
    if (data != null) {
      message.put("data", data);
    }
    return json.writeValueAsString(message);
  }

  /** Reads what a client sends; its own shapes are the caller's business. */
  public <T> T read(String text, Class<T> type) {
    return json.readValue(text, type);
  }
}
