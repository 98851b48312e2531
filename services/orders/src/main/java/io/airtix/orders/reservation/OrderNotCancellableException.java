package io.airtix.orders.reservation;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** 409: the order is cancelled already, completed, or its payment is under way. */
class OrderNotCancellableException extends AirtixProblem {

  OrderNotCancellableException(UUID id, OrderStatus status) {
    super(
        HttpStatus.CONFLICT,
        ProblemTypes.of("order-not-cancellable"),
        "ORDER_NOT_CANCELLABLE",
        "Order not cancellable",
        "Order " + id + " is " + status + " and can no longer be cancelled.");
    getBody().setProperty("status", status.name());
  }
}
