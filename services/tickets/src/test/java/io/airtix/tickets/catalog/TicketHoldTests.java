package io.airtix.tickets.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How orders move a ticket: held, released, sold, each only for the order concerned. */
class TicketHoldTests {

  private final UUID order = UUID.randomUUID();
  private final UUID otherOrder = UUID.randomUUID();

  @Test
  void anOrderHoldsAnAvailableTicketAndItCannotBeEditedThen() {
    Ticket ticket = TicketMother.availableTicket("aerolux");

    assertThat(ticket.reserveFor(order, Instant.now())).isTrue();

    assertThat(ticket.status()).isEqualTo(TicketStatus.RESERVED);
    assertThat(ticket.reservedFor()).isEqualTo(order);
    assertThatThrownBy(ticket::requireEditable).isInstanceOf(TicketReservedException.class);
    assertThat(ticket.reserveFor(order, Instant.now()))
        .as("a repeated creation changes nothing")
        .isFalse();
  }

  @Test
  void releasesOnlyForTheOrderHoldingTheTicket() {
    Ticket ticket = TicketMother.availableTicket("aerolux");
    ticket.reserveFor(order, Instant.now());

    assertThat(ticket.releaseFrom(otherOrder, Instant.now())).isFalse();
    assertThat(ticket.status()).isEqualTo(TicketStatus.RESERVED);
    assertThat(ticket.releaseFrom(order, Instant.now())).isTrue();
    assertThat(ticket.status()).isEqualTo(TicketStatus.AVAILABLE);
    assertThat(ticket.reservedFor()).isNull();
    assertThat(ticket.releaseFrom(order, Instant.now())).isFalse();
  }

  @Test
  void aNewerOrderTakesOverAHoldWhoseCancellationIsStillOnTheWay() {
    Ticket ticket = TicketMother.availableTicket("aerolux");
    ticket.reserveFor(order, Instant.now());

    assertThat(ticket.reserveFor(otherOrder, Instant.now())).isTrue();
    assertThat(ticket.releaseFrom(order, Instant.now()))
        .as("the late cancellation of the first order")
        .isFalse();

    assertThat(ticket.reservedFor()).isEqualTo(otherOrder);
  }

  @Test
  void sellsOnceToTheHoldingOrderAndThenRefusesDeletion() {
    Ticket ticket = TicketMother.availableTicket("aerolux");
    ticket.reserveFor(order, Instant.now());

    assertThat(ticket.sellTo(otherOrder, Instant.now())).isFalse();
    assertThat(ticket.sellTo(order, Instant.now())).isTrue();

    assertThat(ticket.status()).isEqualTo(TicketStatus.SOLD);
    assertThat(ticket.reserveFor(otherOrder, Instant.now())).isFalse();
    assertThat(ticket.releaseFrom(order, Instant.now())).isFalse();
    assertThat(ticket.sellTo(order, Instant.now())).isFalse();
    assertThatThrownBy(ticket::requireEditable).isInstanceOf(TicketSoldException.class);
  }
}
