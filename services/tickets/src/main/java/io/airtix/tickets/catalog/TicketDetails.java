package io.airtix.tickets.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** What an agent may set on a ticket: everything except its airline, which never changes. */
record TicketDetails(
    String flightNumber,
    String origin,
    String destination,
    Instant departureTime,
    Cabin cabin,
    String seat,
    BigDecimal price,
    String currency) {}
