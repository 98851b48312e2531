package io.airtix.events.tickets;

import io.airtix.events.AggregateEvent;
import java.util.UUID;

/** An airline withdrew a ticket from sale. {@code version} is the last version plus one. */
public record TicketDeleted(UUID ticketId, long version, String airline) implements AggregateEvent {

  public static final String TYPE = "ticket.deleted";

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

  /** Yes: a withdrawn ticket has no further events. */
  @Override
  public boolean endsAggregate() {
    return true;
  }

  @Override
  public String tenant() {
    return airline;
  }
}
