package io.airtix.tickets.catalog;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** 423: an order holds the ticket; it can be edited again once the hold ends. */
class TicketReservedException extends AirtixProblem {

  TicketReservedException(UUID id) {
    super(
        HttpStatus.LOCKED,
        ProblemTypes.of("ticket-reserved"),
        "TICKET_RESERVED",
        "Ticket reserved",
        "Ticket " + id + " is reserved by an order and cannot be changed now.");
  }
}
