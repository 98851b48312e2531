package io.airtix.payments.payment;

import io.airtix.platform.problem.NotFoundProblem;

/**
 * The payments of an airline the caller does not work for are invisible, like those of an unknown
 * airline.
 */
class AirlineNotFoundException extends NotFoundProblem {

  AirlineNotFoundException(String airline) {
    super("AIRLINE_NOT_FOUND", "No airline " + airline + ".");
  }
}
