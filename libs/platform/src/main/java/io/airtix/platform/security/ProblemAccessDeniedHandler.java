package io.airtix.platform.security;

import io.airtix.platform.problem.ProblemTypes;
import io.airtix.platform.problem.ProblemWriter;
import io.airtix.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 raised by the filter chain, in the same problem shape as every other error. */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

  private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
  private final ProblemWriter writer;

  public ProblemAccessDeniedHandler(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    bearer.handle(request, response, exception);
    writer.write(
        Problems.of(
            HttpStatus.FORBIDDEN,
            ProblemTypes.FORBIDDEN,
            "Forbidden",
            "You are not allowed to do this."),
        request,
        response);
  }
}
