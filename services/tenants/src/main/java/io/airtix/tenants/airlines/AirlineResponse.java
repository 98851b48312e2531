package io.airtix.tenants.airlines;

import io.airtix.tenants.directory.Airline;

/** An airline as the API shows it: its tenant id and its name. */
record AirlineResponse(String alias, String name) {

  static AirlineResponse from(Airline airline) {
    return new AirlineResponse(airline.alias(), airline.name());
  }
}
