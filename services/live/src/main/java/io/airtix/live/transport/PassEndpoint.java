package io.airtix.live.transport;

import io.airtix.live.caller.Caller;
import io.airtix.live.caller.CallerRefusedException;
import io.airtix.live.caller.Callers;
import io.airtix.live.caller.LivePasses;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/live/passes}: trades a valid access token for a pass a browser may put in a
 * stream's address. Answered {@code 201} with {@code {pass, expiresAt}}; the pass works until the
 * token would have expired.
 */
final class PassEndpoint {

  static final String PATH = "/api/live/passes";

  private final Callers callers;
  private final LivePasses passes;

  PassEndpoint(Callers callers, LivePasses passes) {
    this.callers = callers;
    this.passes = passes;
  }

  Mono<ServerResponse> issue(ServerRequest request) {
    // a token check may fetch the realm's keys: never on an event-loop thread
    return Mono.defer(() -> issueNow(request)).subscribeOn(Schedulers.boundedElastic());
  }

  private Mono<ServerResponse> issueNow(ServerRequest request) {
    Caller caller;
    try {
      String token = Callers.bearer(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
      if (token == null) {
        return Problems.unauthorized("A pass is issued for a bearer token only.", PATH);
      }
      caller = callers.fromToken(token);
    } catch (CallerRefusedException refused) {
      return Problems.unauthorized(refused.getMessage(), PATH);
    }
    LivePasses.Pass pass = passes.issue(caller);
    return ServerResponse.status(201).header(HttpHeaders.CACHE_CONTROL, "no-store").bodyValue(pass);
  }
}
