package io.airtix.platform.problem;

import org.springframework.http.HttpStatus;

/** 403: the caller is known but holds no role that allows the action. */
public class ForbiddenProblem extends AirtixProblem {

  public ForbiddenProblem(String detail) {
    super(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "FORBIDDEN", "Forbidden", detail);
  }
}
