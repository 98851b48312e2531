package io.airtix.platform.problem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Conflicts found by the database: a concurrent edit that won the race (the version check at flush)
 * and a unique constraint. Both are the client's to resolve, hence 409 and not 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DataAccessProblems {

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> onStaleVersion(
      OptimisticLockingFailureException ex, WebRequest request) {
    return respond(
        Problems.of(
            HttpStatus.CONFLICT,
            ProblemTypes.STALE_VERSION,
            "Stale version",
            "The object was changed by someone else. Read it again and retry."),
        request);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> onConstraint(
      DataIntegrityViolationException ex, WebRequest request) {
    return respond(
        Problems.of(
            HttpStatus.CONFLICT,
            ProblemTypes.CONFLICT,
            "Conflict",
            "The request conflicts with existing data."),
        request);
  }

  private ResponseEntity<ProblemDetail> respond(ProblemDetail problem, WebRequest request) {
    Problems.complete(problem, ((ServletWebRequest) request).getRequest());
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
