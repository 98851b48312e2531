package io.airtix.orders.reservation;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * 409: the customer holds as many tickets as one customer may at once; paying for one, cancelling
 * one or letting one run out makes room.
 */
class TooManyHoldsException extends AirtixProblem {

  TooManyHoldsException(int maxHolds) {
    super(
        HttpStatus.CONFLICT,
        ProblemTypes.of("too-many-holds"),
        "TOO_MANY_HOLDS",
        "Too many holds",
        "You hold "
            + maxHolds
            + " tickets already, as many as one customer may at once. Pay for one or cancel one"
            + " first.");
  }
}
