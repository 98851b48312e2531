package io.airtix.live.message;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who may receive a message: everybody (the public catalogue), one customer, or the staff of one
 * airline who may read one kind of resource there. A message has exactly one audience; an event
 * that concerns several is translated into one message for each.
 */
public sealed interface Audience {

  /** The channel a client names to receive messages of this audience. */
  String channel();

  /**
   * The public catalogue: what a ticket is, whether it can be bought, what it costs; nothing about
   * who holds or bought it. Carries what the catalogue filters match on.
   *
   * @param route {@code ORIGIN-DESTINATION}, null when the live service has not seen the ticket
   * @param date the departure's day (UTC), null likewise
   */
  record Catalogue(String airline, UUID ticket, @Nullable String route, @Nullable LocalDate date)
      implements Audience {

    public static final String CHANNEL = "catalogue";

    public Catalogue {
      Objects.requireNonNull(airline, "airline");
      Objects.requireNonNull(ticket, "ticket");
    }

    @Override
    public String channel() {
      return CHANNEL;
    }
  }

  /** One customer's orders and payments. */
  record Customer(String userId) implements Audience {

    public static final String CHANNEL = "orders";

    public Customer {
      Objects.requireNonNull(userId, "userId");
    }

    @Override
    public String channel() {
      return CHANNEL;
    }
  }

  /**
   * The staff of an airline who may {@code read} {@code resource} there by the access policy:
   * {@code tickets}, {@code orders}, {@code payments} or {@code staff}.
   */
  record Staff(String airline, String resource) implements Audience {

    public static final String CHANNEL_PREFIX = "airline:";

    public Staff {
      Objects.requireNonNull(airline, "airline");
      Objects.requireNonNull(resource, "resource");
    }

    @Override
    public String channel() {
      return CHANNEL_PREFIX + airline;
    }
  }
}
