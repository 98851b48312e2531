package io.airtix.tickets.catalog;

/** Formats the catalog accepts, shared by requests and search parameters. */
final class TicketConstraints {

  static final String AIRLINE = "^[a-z0-9][a-z0-9-]{1,62}$";
  static final String IATA = "^[A-Z]{3}$";
  static final String FLIGHT_NUMBER = "^[A-Z0-9]{2}[0-9]{1,4}$";
  static final String SEAT = "^[0-9]{1,2}[A-K]$";
  static final String CURRENCY = "^[A-Z]{3}$";

  private TicketConstraints() {}
}
