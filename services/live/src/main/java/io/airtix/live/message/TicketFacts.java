package io.airtix.live.message;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the live service remembers of each ticket: its route and day, which the order events do not
 * carry but the catalogue's filters match on, and its price, to tell a price change from another
 * edit. Filled by the ticket events; a ticket not seen since the service started (its memory is
 * lost with the process) is asked of the catalogue once, and while the catalogue cannot answer it
 * is matched by airline and id alone.
 */
public final class TicketFacts {

  /** The public catalogue's description of a ticket, when it has one. */
  @FunctionalInterface
  public interface Catalogue {

    /** The ticket as the catalogue shows it, or null (unknown, withdrawn, or no answer). */
    @Nullable Ticket find(UUID ticket);
  }

  /** What the catalogue says of a ticket, as far as its facts go. */
  public record Ticket(String origin, String destination, Instant departure, BigDecimal price) {}

  /** How long a ticket the catalogue could not describe is not asked for again. */
  private static final Duration NOT_ASKED_AGAIN_FOR = Duration.ofMinutes(1);

  private static final int MAX_REMEMBERED_MISSES = 10_000;

  private final Map<UUID, Facts> tickets = new ConcurrentHashMap<>();
  private final Map<UUID, Instant> misses = new ConcurrentHashMap<>();
  private final Catalogue catalogue;
  private final Clock clock;

  /** Facts from the ticket events alone. */
  public TicketFacts() {
    this(ticket -> null, Clock.systemUTC());
  }

  public TicketFacts(Catalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

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

  /** What is known of a ticket; asks the catalogue for one not seen yet. */
  @Nullable Facts of(UUID ticket) {
    Facts known = tickets.get(ticket);
    return known != null ? known : ask(ticket);
  }

  /** What is known without asking anyone: for telling a price change apart. */
  @Nullable Facts remembered(UUID ticket) {
    return tickets.get(ticket);
  }

  private @Nullable Facts ask(UUID ticket) {
    Instant now = clock.instant();
    Instant missed = misses.get(ticket);
    if (missed != null && missed.plus(NOT_ASKED_AGAIN_FOR).isAfter(now)) {
      return null;
    }
    Ticket described = catalogue.find(ticket);
    if (described == null) {
      if (misses.size() >= MAX_REMEMBERED_MISSES) {
        misses.clear();
      }
      misses.put(ticket, now);
      return null;
    }
    misses.remove(ticket);
    learn(
        ticket,
        described.origin(),
        described.destination(),
        described.departure(),
        described.price());
    return tickets.get(ticket);
  }

  public int size() {
    return tickets.size();
  }

  static String route(String origin, String destination) {
    return origin + "-" + destination;
  }
}
