package io.airtix.orders.reservation;

import io.airtix.orders.ticketreplica.TicketWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Orders let go of a ticket its airline withdrew, in the transaction that applies the withdrawal.
 */
@Component
class TicketWithdrawals {

  private final Reservations reservations;

  TicketWithdrawals(Reservations reservations) {
    this.reservations = reservations;
  }

  @EventListener
  void on(TicketWithdrawn withdrawn) {
    reservations.ticketWithdrawn(withdrawn.ticketId());
  }
}
