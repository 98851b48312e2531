package io.airtix.platform.security;

import io.airtix.platform.problem.ProblemTypes;
import io.airtix.platform.problem.ProblemWriter;
import io.airtix.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for a missing, invalid or expired token. The standard bearer entry point sets the status and
 * the {@code WWW-Authenticate} header (RFC 6750); this adds the problem body.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();
  private final ProblemWriter writer;

  public ProblemAuthenticationEntryPoint(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    bearer.commence(request, response, exception);
    HttpStatusCode status = HttpStatusCode.valueOf(response.getStatus());
    ProblemDetail problem;
    if (status.value() == HttpStatus.FORBIDDEN.value()) {
      problem =
          Problems.of(
              status, ProblemTypes.FORBIDDEN, "Forbidden", "The token lacks the required scope.");
    } else {
      problem =
          Problems.of(
              HttpStatus.UNAUTHORIZED,
              ProblemTypes.UNAUTHORIZED,
              "Unauthorized",
              detail(exception));
    }
    writer.write(problem, request, response);
  }

  private static String detail(AuthenticationException exception) {
    if (exception instanceof OAuth2AuthenticationException oauth
        && oauth.getError().getDescription() != null) {
      return "The bearer token was rejected: " + oauth.getError().getDescription();
    }
    return "This request needs a valid bearer token.";
  }
}
