package io.airtix.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * 404 for an unknown object, and equally for an object of another airline: the two must be
 * indistinguishable, so services throw the same exception for both.
 */
public class NotFoundProblem extends AirtixProblem {

  public NotFoundProblem(String code, String detail) {
    super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, code, "Not found", detail);
  }
}
