package io.airtix.orders.reservation;

import io.airtix.platform.problem.NotFoundProblem;
import java.util.UUID;

/** The orders service has never heard of the ticket (or heard that it was withdrawn). */
class TicketNotFoundException extends NotFoundProblem {

  TicketNotFoundException(UUID id) {
    super("TICKET_NOT_FOUND", "No ticket " + id + ".");
  }
}
