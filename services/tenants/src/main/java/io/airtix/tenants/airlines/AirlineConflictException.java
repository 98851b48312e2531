package io.airtix.tenants.airlines;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * The alias is taken by an airline created with other data: repeating a creation is fine, changing
 * it is not.
 */
class AirlineConflictException extends AirtixProblem {

  AirlineConflictException(String alias) {
    super(
        HttpStatus.CONFLICT,
        ProblemTypes.of("airline-exists"),
        "AIRLINE_EXISTS",
        "Airline exists",
        "Airline " + alias + " exists with another name or first tenant admin.");
  }
}
