package io.airtix.tickets.catalog;

/** Anything with an origin and a destination airport. */
interface Route {

  String origin();

  String destination();
}
