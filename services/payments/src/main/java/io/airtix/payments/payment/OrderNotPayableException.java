package io.airtix.payments.payment;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * 409: the order is cancelled, completed, expired or paid already; paying it again would charge for
 * nothing.
 */
class OrderNotPayableException extends AirtixProblem {

  enum Reason {
    CANCELLED,
    COMPLETED,
    EXPIRED,
    PAID
  }

  OrderNotPayableException(UUID orderId, Reason reason) {
    super(
        HttpStatus.CONFLICT,
        ProblemTypes.of("order-not-payable"),
        "ORDER_NOT_PAYABLE",
        "Order not payable",
        "Order "
            + orderId
            + " cannot be paid: it is "
            + reason.name().toLowerCase(java.util.Locale.ROOT)
            + ".");
    getBody().setProperty("orderId", orderId);
    getBody().setProperty("reason", reason.name());
  }
}
