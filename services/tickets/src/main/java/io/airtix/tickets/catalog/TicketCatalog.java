package io.airtix.tickets.catalog;

import io.airtix.platform.authorization.AccessPolicy;
import io.airtix.platform.messaging.Outbox;
import io.airtix.platform.problem.StaleVersionProblem;
import io.airtix.platform.security.AirtixPrincipal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The airlines' ticket catalogue: anyone browses it, an airline's agents maintain their airline's
 * part. Every write asks the access policy first (see docs/decisions/0003-tenancy-status-codes.md)
 * and hands its event to the outbox in the same transaction, so the change and its event commit
 * together.
 */
@Service
@Transactional
class TicketCatalog {

  static final String RESOURCE = "tickets";

  // Departure first, then id, so paging is stable when flights leave at the same minute; every
  // index
  // of the search (migration V4) ends in these two columns, so a page is read in this order
  private static final Sort BY_DEPARTURE = Sort.by("departureTime", "id");

  private final TicketRepository tickets;
  private final AccessPolicy access;
  private final Outbox outbox;
  private final Clock clock;

  TicketCatalog(TicketRepository tickets, AccessPolicy access, Outbox outbox, Clock clock) {
    this.tickets = tickets;
    this.access = access;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  TicketPage browse(TicketSearch search, int page, int size) {
    return TicketPage.from(
        tickets.findAll(
            TicketRepository.matching(search), PageRequest.of(page, size, BY_DEPARTURE)));
  }

  @Transactional(readOnly = true)
  TicketResponse find(UUID id) {
    return TicketResponse.from(load(id));
  }

  TicketResponse create(AirtixPrincipal caller, CreateTicketRequest request) {
    access.require(caller, "create", RESOURCE, request.airline());
    Ticket ticket =
        tickets.saveAndFlush(
            new Ticket(UUID.randomUUID(), request.airline(), request.details(), clock.instant()));
    outbox.publish(ticket.created());
    return TicketResponse.from(ticket);
  }

  TicketResponse update(AirtixPrincipal caller, UUID id, UpdateTicketRequest request) {
    Ticket ticket = loadFor(caller, "update", id);
    // A reserved ticket answers 423 whatever version the client holds: retrying cannot help
    ticket.requireEditable();
    if (!ticket.isAt(request.version())) {
      throw new StaleVersionProblem(
          "Ticket "
              + id
              + " is at version "
              + ticket.version()
              + ", not "
              + request.version()
              + ".");
    }
    ticket.revise(request.details(), clock.instant());
    // Flush now so a concurrent edit fails here (409) and the response and the event carry the new
    // version
    Ticket revised = tickets.saveAndFlush(ticket);
    outbox.publish(revised.updated());
    return TicketResponse.from(revised);
  }

  void delete(AirtixPrincipal caller, UUID id) {
    Ticket ticket = loadFor(caller, "delete", id);
    ticket.requireEditable();
    tickets.delete(ticket);
    outbox.publish(ticket.deleted());
  }

  /** Loads a ticket for a write: 403 if the caller may do it nowhere, 404 if unknown or foreign. */
  private Ticket loadFor(AirtixPrincipal caller, String action, UUID id) {
    access.requireSomewhere(caller, action, RESOURCE);
    Ticket ticket = load(id);
    access.requireOnObject(
        caller, action, RESOURCE, ticket.airline(), () -> new TicketNotFoundException(id));
    return ticket;
  }

  private Ticket load(UUID id) {
    return tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(id));
  }
}
