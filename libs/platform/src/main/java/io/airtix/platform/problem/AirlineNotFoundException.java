package io.airtix.platform.problem;

/**
 * An unknown airline, or one the caller does not work for: the answer is the same, so nobody learns
 * which airlines exist from the errors (decision 0003).
 */
public class AirlineNotFoundException extends NotFoundProblem {

  public AirlineNotFoundException(String airline) {
    super("AIRLINE_NOT_FOUND", "No airline " + airline + ".");
  }
}
