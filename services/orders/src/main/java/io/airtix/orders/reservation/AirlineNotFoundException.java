package io.airtix.orders.reservation;

import io.airtix.platform.problem.NotFoundProblem;

/**
 * The orders of an airline the caller does not work for are invisible, like those of an airline
 * that does not exist.
 */
class AirlineNotFoundException extends NotFoundProblem {

  AirlineNotFoundException(String airline) {
    super("AIRLINE_NOT_FOUND", "No airline " + airline + ".");
  }
}
