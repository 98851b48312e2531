package io.airtix.orders.reservation;

import io.airtix.platform.problem.NotFoundProblem;
import java.util.UUID;

/** Unknown order, or somebody else's: the answer is the same. */
class OrderNotFoundException extends NotFoundProblem {

  OrderNotFoundException(UUID id) {
    super("ORDER_NOT_FOUND", "No order " + id + ".");
  }
}
