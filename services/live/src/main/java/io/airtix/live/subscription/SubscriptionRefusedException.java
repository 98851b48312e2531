package io.airtix.live.subscription;

import io.airtix.platform.problem.ProblemTypes;
import java.net.URI;

/**
 * A subscription the live service does not grant: malformed (400), private without a sign-in (401),
 * or beyond the caller's rights (403). The stream's answer or the WebSocket's {@code error} message
 * carries it as a problem.
 */
public final class SubscriptionRefusedException extends RuntimeException {

  private final int status;
  private final URI type;

  private SubscriptionRefusedException(int status, URI type, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
  }

  static SubscriptionRefusedException malformed(String detail) {
    return new SubscriptionRefusedException(400, ProblemTypes.BAD_REQUEST, detail);
  }

  static SubscriptionRefusedException signInFirst(String detail) {
    return new SubscriptionRefusedException(401, ProblemTypes.UNAUTHORIZED, detail);
  }

  static SubscriptionRefusedException forbidden(String detail) {
    return new SubscriptionRefusedException(403, ProblemTypes.FORBIDDEN, detail);
  }

  public int status() {
    return status;
  }

  public URI type() {
    return type;
  }
}
