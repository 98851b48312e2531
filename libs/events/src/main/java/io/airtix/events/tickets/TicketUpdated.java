package io.airtix.events.tickets;

import io.airtix.events.AggregateEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's flight, seat or price changed; carries the full new state so replicas need no lookup.
 */
public record TicketUpdated(
    UUID ticketId,
    long version,
    String airline,
    String flightNumber,
    String origin,
    String destination,
    Instant departureTime,
    String cabin,
    String seat,
    BigDecimal price,
    String currency,
    String status)
    implements AggregateEvent {

  public static final String TYPE = "ticket.updated";

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return ticketId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }

  @Override
  public String tenant() {
    return airline;
  }
}
