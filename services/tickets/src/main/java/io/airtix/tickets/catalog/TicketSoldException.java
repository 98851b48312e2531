package io.airtix.tickets.catalog;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** 409: a sold ticket belongs to its buyer's order and is never changed or withdrawn. */
class TicketSoldException extends AirtixProblem {

  TicketSoldException(UUID id) {
    super(
        HttpStatus.CONFLICT,
        ProblemTypes.of("ticket-sold"),
        "TICKET_SOLD",
        "Ticket sold",
        "Ticket " + id + " is sold and cannot be changed.");
  }
}
