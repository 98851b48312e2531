package io.airtix.live.message;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the live service remembers of each ticket it has seen an event of: its route and day, which
 * the order events do not carry but the catalogue's filters match on, and its price, to tell a
 * price change from another edit. Filled by the ticket events and by {@link #learn} from the
 * catalogue; lost on restart, so a ticket not seen since then is matched by airline and id alone.
 */
public final class TicketFacts {

  private final Map<UUID, Facts> tickets = new ConcurrentHashMap<>();

  record Facts(String route, LocalDate date, BigDecimal price) {}

  /** Remembers a ticket as the catalogue describes it. */
  public void learn(
      UUID ticket, String origin, String destination, Instant departure, BigDecimal price) {
    tickets.put(
        ticket,
        new Facts(
            route(origin, destination),
            LocalDate.ofInstant(departure, ZoneOffset.UTC),
            // kept as written: it is sent back as a ticket.changed's previousPrice (changes are
            // told
            // apart with compareTo, whatever the scale)
            price));
  }

  void forget(UUID ticket) {
    tickets.remove(ticket);
  }

  @Nullable Facts of(UUID ticket) {
    return tickets.get(ticket);
  }

  public int size() {
    return tickets.size();
  }

  static String route(String origin, String destination) {
    return origin + "-" + destination;
  }
}
