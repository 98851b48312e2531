package io.airtix.tenants.directory;

import io.airtix.platform.problem.NotFoundProblem;

/** Unknown airline, or one the caller does not work for: the answer is the same (decision 0003). */
public class AirlineNotFoundException extends NotFoundProblem {

  public AirlineNotFoundException(String alias) {
    super("AIRLINE_NOT_FOUND", "No airline " + alias + ".");
  }
}
