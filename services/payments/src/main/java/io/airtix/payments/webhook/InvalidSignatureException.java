package io.airtix.payments.webhook;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * 400: the webhook's signature does not match its body, or it is too old to be anything but a
 * replay.
 */
class InvalidSignatureException extends AirtixProblem {

  InvalidSignatureException(String detail) {
    super(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.of("invalid-signature"),
        "INVALID_SIGNATURE",
        "Invalid signature",
        detail);
  }
}
