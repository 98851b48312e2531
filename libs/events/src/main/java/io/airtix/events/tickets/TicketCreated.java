package io.airtix.events.tickets;

import io.airtix.events.AggregateEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An airline put a ticket on sale. */
public record TicketCreated(
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

  public static final String TYPE = "ticket.created";

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
