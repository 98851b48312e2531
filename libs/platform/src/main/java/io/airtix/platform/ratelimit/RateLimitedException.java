package io.airtix.platform.ratelimit;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * 429 with {@code Retry-After} in whole seconds: the caller may try again then. Carries the limit
 * that refused ({@code limit}, e.g. {@code per-user}) and the wait ({@code retryAfter}, seconds) in
 * the problem as well.
 */
public class RateLimitedException extends AirtixProblem {

  public RateLimitedException(String limit, Duration retryAfter) {
    this(limit, wholeSeconds(retryAfter));
  }

  private RateLimitedException(String limit, long retryAfterSeconds) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        ProblemTypes.RATE_LIMITED,
        "RATE_LIMITED",
        "Too many requests",
        "The " + limit + " rate limit is reached. Try again in " + retryAfterSeconds + " s.");
    getBody().setProperty("limit", limit);
    getBody().setProperty("retryAfter", retryAfterSeconds);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
  }

  public String limit() {
    return (String) getBody().getProperties().get("limit");
  }

  public long retryAfterSeconds() {
    return (Long) getBody().getProperties().get("retryAfter");
  }

  // rounded up and at least 1: a client that waits what it was told must find a token
  static long wholeSeconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
