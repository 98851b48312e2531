package io.airtix.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Completes any {@link ProblemDetail} to the Airtix shape: {@code type}, {@code title}, {@code
 * status}, {@code detail}, {@code code}, {@code traceId} and {@code instance}. Used by the MVC
 * handler, the error page and the security entry points alike, so every error looks the same.
 */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }

  public static ProblemDetail validation(String detail, List<FieldError> errors) {
    ProblemDetail problem =
        of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Validation failed", detail);
    problem.setProperty("code", "VALIDATION");
    problem.setProperty("errors", errors);
    return problem;
  }

  public static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
    HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      problem.setType(ProblemTypes.forStatus(status));
    }
    if (problem.getTitle() == null) {
      HttpStatus known = HttpStatus.resolve(status.value());
      problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
    }
    if (problem.getDetail() == null) {
      problem.setDetail(problem.getTitle());
    }
    if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
      problem.setProperty("code", ProblemTypes.codeOf(problem.getType()));
    }
    if (problem.getInstance() == null && request != null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    problem.setProperty("traceId", TraceIds.current(request));
    return problem;
  }
}
