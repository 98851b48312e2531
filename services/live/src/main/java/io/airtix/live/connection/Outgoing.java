package io.airtix.live.connection;

import io.airtix.live.message.LiveMessage;
import org.jspecify.annotations.Nullable;

/**
 * One message on its way to one client, as its transport needs it: SSE writes the type as {@code
 * event:} and the position as {@code id:}, a WebSocket sends the JSON alone.
 *
 * @param position null for messages about the connection itself
 */
public record Outgoing(String type, @Nullable String position, String json) {

  /** Not a message: a sign of life the transport writes its own way. */
  public static final Outgoing HEARTBEAT = new Outgoing("heartbeat", null, "");

  public boolean heartbeat() {
    return this == HEARTBEAT;
  }

  static Outgoing of(LiveMessage message) {
    return new Outgoing(message.type(), message.position(), message.json());
  }
}
