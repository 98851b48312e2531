package io.airtix.live.message;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of the live protocol, written to JSON once and sent as it is to every connection that
 * may receive it.
 *
 * @param position where a client resumes after this message: the id of the event it comes from (the
 *     same on every instance, since every instance receives every event), or an id derived from it
 *     for messages the live service makes itself
 * @param type what happened, e.g. {@code ticket.held}
 * @param audience who may receive it
 * @param json the whole message as the client receives it
 */
public record LiveMessage(
    String position, String type, Audience audience, Instant at, String json) {

  public LiveMessage {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(json, "json");
  }
}
