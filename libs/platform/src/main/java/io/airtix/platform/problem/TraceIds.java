package io.airtix.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * The id a caller quotes when reporting a problem: the current trace id when tracing is on (it puts
 * {@code traceId} into the logging context), otherwise an id generated once per request.
 */
public final class TraceIds {

  public static final String REQUEST_ID_ATTRIBUTE = TraceIds.class.getName() + ".requestId";

  private TraceIds() {}

  public static String current(HttpServletRequest request) {
    String traceId = MDC.get("traceId");
    if (traceId != null && !traceId.isBlank()) {
      return traceId;
    }
    if (request == null) {
      return newId();
    }
    Object existing = request.getAttribute(REQUEST_ID_ATTRIBUTE);
    if (existing != null) {
      return existing.toString();
    }
    String id = newId();
    request.setAttribute(REQUEST_ID_ATTRIBUTE, id);
    return id;
  }

  static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
