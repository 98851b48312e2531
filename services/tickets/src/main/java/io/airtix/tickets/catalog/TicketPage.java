package io.airtix.tickets.catalog;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of search results; {@code page} counts from 0. */
record TicketPage(List<TicketResponse> items, int page, int size, long totalItems, int totalPages) {

  static TicketPage from(Page<Ticket> page) {
    return new TicketPage(
        page.getContent().stream().map(TicketResponse::from).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}
