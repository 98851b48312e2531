package io.airtix.tickets.catalog;

import io.airtix.platform.problem.NotFoundProblem;
import java.util.UUID;

/**
 * Unknown ticket, or a ticket of an airline the caller does not work for: the answer is the same.
 */
class TicketNotFoundException extends NotFoundProblem {

  TicketNotFoundException(UUID id) {
    super("TICKET_NOT_FOUND", "No ticket " + id + ".");
  }
}
