package io.airtix.gateway.edge;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway answers itself — no route, a method the route refuses, a service that
 * does not answer — as problem+json, without internals. Runs before Spring Boot's own handler,
 * which would answer plain JSON.
 */
@Component
@Order(-2)
class GatewayErrors implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    Problem problem = problemOf(error);
    if (problem.status().is5xxServerError()) {
      log.warn(
          "{} {} answered {}: {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          problem.status().value(),
          error.toString());
    }
    return write(exchange, problem);
  }

  static Mono<Void> write(ServerWebExchange exchange, Problem problem) {
    exchange.getResponse().setStatusCode(problem.status());
    exchange.getResponse().getHeaders().set("Content-Type", Problem.MEDIA_TYPE);
    DataBuffer body = exchange.getResponse().bufferFactory().wrap(problem.json());
    return exchange.getResponse().writeWith(Mono.just(body));
  }

  private static Problem problemOf(Throwable error) {
    if (error instanceof ResponseStatusException status) {
      HttpStatus resolved = resolve(status.getStatusCode());
      return Problem.of(resolved, detail(resolved));
    }
    if (causedBy(error, ConnectException.class)) {
      return Problem.of(
          HttpStatus.SERVICE_UNAVAILABLE, "The service that answers this is not reachable now.");
    }
    if (causedBy(error, TimeoutException.class)) {
      return Problem.of(HttpStatus.GATEWAY_TIMEOUT, "The service that answers this took too long.");
    }
    return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed.");
  }

  private static HttpStatus resolve(HttpStatusCode code) {
    HttpStatus status = HttpStatus.resolve(code.value());
    return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "Nothing is found at this address.";
      case METHOD_NOT_ALLOWED -> "This address does not take this method.";
      case SERVICE_UNAVAILABLE, BAD_GATEWAY ->
          "The service that answers this is not reachable now.";
      case GATEWAY_TIMEOUT -> "The service that answers this took too long.";
      default ->
          status.is4xxClientError()
              ? "The request could not be served as it is."
              : "The request could not be completed.";
    };
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
