package io.airtix.orders.reservation;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * 409: the ticket is held by another order, sold, or not on sale right now. Retrying the same
 * ticket will not help.
 */
class TicketUnavailableException extends AirtixProblem {

  static final String TYPE = "ticket-unavailable";

  TicketUnavailableException(UUID ticketId) {
    super(
        HttpStatus.CONFLICT,
        ProblemTypes.of(TYPE),
        "TICKET_UNAVAILABLE",
        "Ticket unavailable",
        "Ticket " + ticketId + " cannot be reserved now: another order holds it or it is sold.");
  }
}
