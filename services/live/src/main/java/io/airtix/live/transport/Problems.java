package io.airtix.live.transport;

import io.airtix.platform.problem.ProblemTypes;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The problems the live service answers with, in the shape every Airtix service uses (RFC 9457, the
 * platform's type URIs): as an HTTP answer before a stream opens, and as the {@code data} of a
 * WebSocket's {@code error} message after.
 */
final class Problems {

  private Problems() {}

  static Map<String, Object> problem(int status, URI type, String detail, String instance) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.toString());
    HttpStatus known = HttpStatus.resolve(status);
    problem.put("title", known != null ? known.getReasonPhrase() : "Error");
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", instance);
    problem.put("code", ProblemTypes.codeOf(type));
    return problem;
  }

  static Mono<ServerResponse> answer(int status, URI type, String detail, String instance) {
    ServerResponse.BodyBuilder response =
        ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == 401) {
      // RFC 6750: what a client without a valid token needs to know
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"airtix\"");
    }
    return response.bodyValue(problem(status, type, detail, instance));
  }

  static Mono<ServerResponse> unauthorized(String detail, String instance) {
    return answer(401, ProblemTypes.UNAUTHORIZED, detail, instance);
  }

  static Mono<ServerResponse> badRequest(String detail, String instance) {
    return answer(400, ProblemTypes.BAD_REQUEST, detail, instance);
  }

  static Mono<ServerResponse> unavailable(String detail, String instance) {
    return answer(503, ProblemTypes.UNAVAILABLE, detail, instance);
  }
}
