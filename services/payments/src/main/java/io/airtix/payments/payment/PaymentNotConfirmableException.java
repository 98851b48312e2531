package io.airtix.payments.payment;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * 409: only a pending payment of the simulated provider can be confirmed through the API; Stripe's
 * payments are confirmed by the customer at Stripe (Stripe.js), and their outcome arrives by
 * webhook.
 */
class PaymentNotConfirmableException extends AirtixProblem {

  PaymentNotConfirmableException(UUID id, String why) {
    super(
        HttpStatus.CONFLICT,
        ProblemTypes.of("payment-not-confirmable"),
        "PAYMENT_NOT_CONFIRMABLE",
        "Payment not confirmable",
        "Payment " + id + " cannot be confirmed here: " + why);
  }
}
