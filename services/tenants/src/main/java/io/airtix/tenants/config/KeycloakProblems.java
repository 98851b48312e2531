package io.airtix.tenants.config;

import io.airtix.platform.problem.ProblemTypes;
import io.airtix.platform.problem.Problems;
import jakarta.ws.rs.ProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Keycloak is this service's only store: when it cannot be reached the request may succeed later,
 * so the answer is 503 with Retry-After, like the other services give when they cannot check
 * tokens, not a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class KeycloakProblems {

  private static final Logger log = LoggerFactory.getLogger(KeycloakProblems.class);

  @ExceptionHandler(ProcessingException.class)
  ResponseEntity<ProblemDetail> onKeycloakUnreachable(ProcessingException ex, WebRequest request) {
    log.warn("Keycloak's admin API could not be reached: {}", ex.getMessage());
    ProblemDetail problem =
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            ProblemTypes.UNAVAILABLE,
            "Service unavailable",
            "The identity service cannot be reached. Try again shortly.");
    Problems.complete(problem, ((ServletWebRequest) request).getRequest());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
