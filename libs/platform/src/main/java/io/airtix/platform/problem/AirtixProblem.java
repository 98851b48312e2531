package io.airtix.platform.problem;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every domain exception: it knows its own status, problem type and machine code, so the
 * shared handler renders it without a mapping table in each service.
 */
public class AirtixProblem extends ErrorResponseException {

  public AirtixProblem(HttpStatusCode status, URI type, String code, String title, String detail) {
    super(status, problem(status, type, code, title, detail), null);
  }

  public String code() {
    Object code = getBody().getProperties() == null ? null : getBody().getProperties().get("code");
    return code == null ? null : code.toString();
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }

  private static ProblemDetail problem(
      HttpStatusCode status, URI type, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    problem.setProperty("code", code);
    return problem;
  }
}
