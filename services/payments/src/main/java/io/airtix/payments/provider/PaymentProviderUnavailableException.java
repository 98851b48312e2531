package io.airtix.payments.provider;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * 503: the provider could not be reached or failed; nothing was charged or recorded, and trying
 * again is safe.
 */
public class PaymentProviderUnavailableException extends AirtixProblem {

  // the cause is logged where it happens; the customer's answer carries none of it
  public PaymentProviderUnavailableException(String provider) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        ProblemTypes.of("payment-provider-unavailable"),
        "PAYMENT_PROVIDER_UNAVAILABLE",
        "Payment provider unavailable",
        "The payment provider ("
            + provider
            + ") cannot be reached right now. Nothing was charged; try again in a"
            + " moment.");
    getBody().setProperty("provider", provider);
  }
}
