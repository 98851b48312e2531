package io.airtix.platform.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Renders the errors Tomcat answers before any servlet runs — a path with bad percent-encoding or
 * characters it refuses, headers or a request line too long, a malformed request line — as the same
 * problem+json every other error is, without internals. Errors the application answered itself keep
 * their own body: Tomcat calls this valve only for an error response nothing was written to.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  public ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatusCode code = HttpStatusCode.valueOf(status);
    HttpStatus known = HttpStatus.resolve(status);
    String title = known != null ? known.getReasonPhrase() : "Error";
    String body =
        "{\"type\":\""
            + ProblemTypes.forStatus(code)
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail(status)
            + "\",\"code\":\""
            + (known != null ? known.name() : "ERROR")
            + "\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException ignored) {
      // the connection is gone or the response was committed meanwhile: nothing left to tell
    }
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 ->
          "The request could not be read: its path, header or request line is malformed or too"
              + " long.";
      case 404 -> "Nothing is found at this address.";
      case 408 -> "The request took too long to arrive.";
      case 413 -> "The request body is larger than this service accepts.";
      case 414 -> "The request's address is too long.";
      case 431 -> "The request's headers are too large.";
      case 505 -> "This HTTP version is not supported.";
      default -> "The request could not be served.";
    };
  }
}
