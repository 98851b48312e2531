package io.airtix.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem as the gateway answers it, with the same type URIs as the services
 * (libs/platform's ProblemTypes), so a client tells the gateway's answers and the services' apart
 * by nothing but their content.
 */
record Problem(HttpStatus status, String slug, String detail) {

  static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPES = "https://airtix.io/problems/";

  static Problem of(HttpStatus status, String detail) {
    return new Problem(status, slugOf(status), detail);
  }

  byte[] json() {
    return ("{\"type\":\""
            + TYPES
            + slug
            + "\",\"title\":\""
            + status.getReasonPhrase()
            + "\",\"status\":"
            + status.value()
            + ",\"detail\":\""
            + detail.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\"code\":\""
            + status.name()
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String slugOf(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "bad-request";
      case NOT_FOUND -> "not-found";
      case METHOD_NOT_ALLOWED -> "method-not-allowed";
      case CONTENT_TOO_LARGE -> "payload-too-large";
      case SERVICE_UNAVAILABLE, BAD_GATEWAY, GATEWAY_TIMEOUT -> "unavailable";
      default ->
          status.is5xxServerError()
              ? "internal"
              : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    };
  }
}
