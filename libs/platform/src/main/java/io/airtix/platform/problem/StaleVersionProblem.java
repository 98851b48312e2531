package io.airtix.platform.problem;

import org.springframework.http.HttpStatus;

/** 409: the client edited a version of an object that has changed since it was read. */
public class StaleVersionProblem extends AirtixProblem {

  public StaleVersionProblem(String detail) {
    super(
        HttpStatus.CONFLICT, ProblemTypes.STALE_VERSION, "STALE_VERSION", "Stale version", detail);
  }
}
