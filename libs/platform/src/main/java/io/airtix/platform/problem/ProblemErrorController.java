package io.airtix.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page for errors raised outside MVC handlers (servlet filters, the
 * container), so that they too are problems. Never reveals the exception.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

  private static final String RETRY_AFTER_SECONDS = "5";

  @RequestMapping
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    if (identityProviderUnreachable(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
      return identityProviderUnavailable(request);
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatusCode status =
        code instanceof Integer value
            ? HttpStatusCode.valueOf(value)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    String detail =
        status.is5xxServerError()
            ? "The request could not be completed. Quote the traceId when reporting this."
            : null;
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(complete(ProblemDetail.forStatusAndDetail(status, detail), request));
  }

  /**
   * Spring Security rethrows an {@link AuthenticationServiceException} when a token cannot be
   * checked at all, typically because the realm's signing keys cannot be fetched. The token may be
   * fine: the client should retry, so this is 503, not 401 and not 500.
   */
  private static boolean identityProviderUnreachable(Object exception) {
    for (Object cause = exception;
        cause instanceof Throwable throwable;
        cause = throwable.getCause()) {
      if (throwable instanceof AuthenticationServiceException) {
        return true;
      }
    }
    return false;
  }

  private static ResponseEntity<ProblemDetail> identityProviderUnavailable(
      HttpServletRequest request) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            ProblemTypes.UNAVAILABLE,
            "Service Unavailable",
            "Tokens cannot be checked right now because the identity provider is unreachable. "
                + "Try again shortly.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(complete(problem, request));
  }

  private static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri != null) {
      problem.setInstance(URI.create(uri.toString()));
    }
    return Problems.complete(problem, request);
  }
}
