package io.airtix.testing.live;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message a test client received from the live service.
 *
 * @param type the message's type ({@code ticket.held}, {@code welcome}, ...)
 * @param position its position, null for messages about the connection
 * @param message the whole JSON message
 */
public record Received(String type, String position, JsonNode message) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Received parse(String json) {
    JsonNode message = JSON.readTree(json);
    String position =
        message.path("position").isString() ? message.path("position").asString() : null;
    return new Received(message.path("type").asString(), position, message);
  }

  public String channel() {
    return message.path("channel").asString();
  }

  public JsonNode data() {
    return message.path("data");
  }
}
