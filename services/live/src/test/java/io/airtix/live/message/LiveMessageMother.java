package io.airtix.live.message;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Live messages as the translation makes them, one per event unless told otherwise, for the tests
 * of what receives them. The JSON names the position, so a test can tell messages apart by it.
 */
public final class LiveMessageMother {

  public static final String AEROLUX = "aerolux";
  public static final String BOREAL = "boreal";

  private LiveMessageMother() {}

  /** A catalogue message about a ticket of {@code airline} on LUX-CDG, 2027-03-14. */
  public static LiveMessage catalogue(String airline) {
    return catalogue(airline, UUID.randomUUID(), "LUX-CDG", LocalDate.parse("2027-03-14"));
  }

  public static LiveMessage catalogue(String airline, UUID ticket, String route, LocalDate date) {
    return message(MessageTypes.TICKET_HELD, new Audience.Catalogue(airline, ticket, route, date));
  }

  public static LiveMessage customer(String userId) {
    return message(MessageTypes.ORDER_HELD, new Audience.Customer(userId));
  }

  public static LiveMessage staff(String airline, String resource) {
    return message("order.created", new Audience.Staff(airline, resource));
  }

  public static LiveMessage message(String type, Audience audience) {
    return at(UUID.randomUUID().toString(), type, audience);
  }

  /** A message at a given position, e.g. another message of the same event. */
  public static LiveMessage at(String position, String type, Audience audience) {
    return new LiveMessage(
        position,
        type,
        audience,
        Instant.parse("2027-01-01T00:00:00Z"),
        "{\"type\":\""
            + type
            + "\",\"position\":\""
            + position
            + "\",\"channel\":\""
            + audience.channel()
            + "\"}");
  }

  /** Another message of the same event as {@code message}, for another audience. */
  public static LiveMessage sameEvent(LiveMessage message, Audience audience) {
    return at(message.position(), message.type(), audience);
  }
}
