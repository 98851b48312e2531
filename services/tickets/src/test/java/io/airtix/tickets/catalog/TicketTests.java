package io.airtix.tickets.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketTests {

  @Test
  void startsAvailableWithPriceInCents() {
    Ticket ticket = TicketMother.availableTicket("aerolux");

    assertThat(ticket.status()).isEqualTo(TicketStatus.AVAILABLE);
    assertThat(ticket.price()).isEqualTo(new BigDecimal("129.90"));
  }

  @Test
  void rejectsEditOfReservedTicketWith423() {
    Ticket ticket = TicketMother.availableTicket("aerolux");
    ticket.markReserved();

    assertThatThrownBy(() -> ticket.revise(TicketMother.economySeat(), Instant.now()))
        .isInstanceOf(TicketReservedException.class)
        .satisfies(
            ex ->
                assertThat(((TicketReservedException) ex).getStatusCode().value()).isEqualTo(423));
  }

  @Test
  void revisesFlightSeatAndPrice() {
    Ticket ticket = TicketMother.availableTicket("aerolux");
    UpdateTicketRequest update = TicketMother.updateRequest(0);

    ticket.revise(update.details(), Instant.now());

    assertThat(ticket.seat()).isEqualTo("2C");
    assertThat(ticket.cabin()).isEqualTo(Cabin.BUSINESS);
    assertThat(ticket.airline()).isEqualTo("aerolux");
  }
}
