package io.airtix.payments.payment;

import io.airtix.platform.problem.NotFoundProblem;
import java.util.UUID;

/** Unknown payment, or somebody else's: the answer is the same. */
class PaymentNotFoundException extends NotFoundProblem {

  PaymentNotFoundException(UUID id) {
    super("PAYMENT_NOT_FOUND", "No payment " + id + ".");
  }
}
