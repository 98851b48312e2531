package io.airtix.orders.ticketreplica;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketDeleted;
import io.airtix.events.tickets.TicketUpdated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Object mother of replicated tickets: ticket events as the tickets service publishes them, applied
 * through the replica's real listener, for tests that need tickets without running the tickets
 * service.
 */
public final class Replicas {

  public static final BigDecimal PRICE = new BigDecimal("129.90");

  private static final AtomicInteger SEATS = new AtomicInteger();

  private Replicas() {}

  /** Version 0 of an AVAILABLE economy seat of the airline, 129.90 EUR. */
  public static TicketCreated availableTicket(String airline) {
    int seat = SEATS.incrementAndGet();
    return new TicketCreated(
        UUID.randomUUID(),
        0,
        airline,
        "LX" + (100 + seat % 900),
        "LUX",
        "CDG",
        Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES),
        "ECONOMY",
        (seat % 60 + 1) + "A",
        PRICE,
        "EUR",
        "AVAILABLE");
  }

  /** The next version of a ticket with another price and status. */
  public static TicketUpdated changed(
      TicketCreated ticket, long version, BigDecimal price, String status) {
    return new TicketUpdated(
        ticket.ticketId(),
        version,
        ticket.airline(),
        ticket.flightNumber(),
        ticket.origin(),
        ticket.destination(),
        ticket.departureTime(),
        ticket.cabin(),
        ticket.seat(),
        price,
        ticket.currency(),
        status);
  }

  /** Applies the events through the replica's listener, in one transaction as the inbox would. */
  public static void apply(ApplicationContext context, Object... events) {
    TicketEvents listener = context.getBean(TicketEvents.class);
    new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
        .executeWithoutResult(
            status -> {
              for (Object event : events) {
                if (event instanceof TicketCreated created) {
                  listener.on(created);
                } else if (event instanceof TicketUpdated updated) {
                  listener.on(updated);
                } else if (event instanceof TicketDeleted deleted) {
                  listener.on(deleted);
                } else {
                  throw new IllegalArgumentException("not a ticket event: " + event);
                }
              }
            });
  }
}
