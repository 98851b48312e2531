package io.airtix.live.subscription;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a client asks to receive: channels, and for the catalogue the airlines, tickets, routes and
 * days it cares about (none named: all of them). Read from a stream's query or a WebSocket's {@code
 * subscribe} message; anything malformed is refused whole, naming what.
 */
public record SubscriptionRequest(
    Set<String> channels,
    Set<String> airlines,
    Set<UUID> tickets,
    Set<String> routes,
    Set<LocalDate> dates) {

  public static final String CATALOGUE = "catalogue";
  public static final String ORDERS = "orders";
  public static final String AIRLINE_PREFIX = "airline:";

  static final int MAX_VALUES = 50;

  private static final Pattern AIRLINE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern TICKET =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern ROUTE = Pattern.compile("[A-Z]{3}-[A-Z]{3}");

  public SubscriptionRequest {
    channels = Set.copyOf(channels);
    airlines = Set.copyOf(airlines);
    tickets = Set.copyOf(tickets);
    routes = Set.copyOf(routes);
    dates = Set.copyOf(dates);
  }

  /**
   * Reads the raw values of each parameter; no channel named means the catalogue.
   *
   * @throws SubscriptionRefusedException (400) naming the first value that is malformed
   */
  public static SubscriptionRequest of(
      Collection<String> channels,
      Collection<String> airlines,
      Collection<String> tickets,
      Collection<String> routes,
      Collection<String> dates) {
    Set<String> named =
        parse(
            "channel",
            channels.isEmpty() ? List.of(CATALOGUE) : channels,
            SubscriptionRequest::channel);
    return new SubscriptionRequest(
        named,
        parse("airline", airlines, SubscriptionRequest::airline),
        parse("ticket", tickets, SubscriptionRequest::ticket),
        parse("route", routes, SubscriptionRequest::route),
        parse("date", dates, LocalDate::parse));
  }

  /** The airline of an {@code airline:<id>} channel; null for the others. */
  public static String airlineOf(String channel) {
    return channel.startsWith(AIRLINE_PREFIX) ? channel.substring(AIRLINE_PREFIX.length()) : null;
  }

  private static String channel(String channel) {
    if (channel.equals(CATALOGUE) || channel.equals(ORDERS)) {
      return channel;
    }
    if (channel.startsWith(AIRLINE_PREFIX)) {
      return AIRLINE_PREFIX + airline(channel.substring(AIRLINE_PREFIX.length()));
    }
    throw new IllegalArgumentException("not catalogue, orders or airline:<airline>");
  }

  private static String airline(String airline) {
    if (!AIRLINE.matcher(airline).matches()) {
      throw new IllegalArgumentException("not an airline id");
    }
    return airline;
  }

  private static UUID ticket(String ticket) {
    // UUID.fromString takes "1-1-1-1-1": only the canonical form names a ticket
    if (!TICKET.matcher(ticket).matches()) {
      throw new IllegalArgumentException("not a ticket id (a UUID)");
    }
    return UUID.fromString(ticket);
  }

  private static String route(String route) {
    if (!ROUTE.matcher(route).matches()) {
      throw new IllegalArgumentException("not ORIGIN-DESTINATION in airport codes, e.g. LUX-CDG");
    }
    return route;
  }

  private static <T> Set<T> parse(
      String parameter, Collection<String> values, Function<String, T> parser) {
    if (values.size() > MAX_VALUES) {
      throw SubscriptionRefusedException.malformed(
          "At most " + MAX_VALUES + " values of '" + parameter + "' may be named");
    }
    Set<T> parsed = new LinkedHashSet<>();
    for (String value : values) {
      try {
        parsed.add(parser.apply(value));
      } catch (IllegalArgumentException | DateTimeParseException | NullPointerException bad) {
        throw SubscriptionRefusedException.malformed(
            "The " + parameter + " '" + value + "' is " + reason(bad));
      }
    }
    return parsed;
  }

  private static String reason(RuntimeException bad) {
    if (bad instanceof DateTimeParseException) {
      return "not a date of the form 2027-01-31";
    }
    if (bad.getMessage() != null && bad.getMessage().startsWith("not ")) {
      return bad.getMessage();
    }
    return "malformed";
  }
}
