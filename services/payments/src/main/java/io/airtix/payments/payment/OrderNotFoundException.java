package io.airtix.payments.payment;

import io.airtix.platform.problem.NotFoundProblem;
import java.util.UUID;

/**
 * Unknown order, somebody else's, or one the payments service has not heard of yet (its creation
 * travels as an event, usually within a second): the answer is the same.
 */
class OrderNotFoundException extends NotFoundProblem {

  OrderNotFoundException(UUID id) {
    super("ORDER_NOT_FOUND", "No order " + id + ".");
  }
}
