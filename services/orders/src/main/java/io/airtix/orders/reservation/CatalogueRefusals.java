package io.airtix.orders.reservation;

import io.airtix.events.reservations.ReservationRefused;
import io.airtix.platform.messaging.InboxListener;
import org.springframework.stereotype.Component;

/**
 * Applies the tickets service's refusals of reservations. The reservation stream has this one type
 * and one version per order, so a repeated refusal is ignored.
 */
@Component
class CatalogueRefusals {

  private final Reservations reservations;

  CatalogueRefusals(Reservations reservations) {
    this.reservations = reservations;
  }

  @InboxListener
  void on(ReservationRefused event) {
    reservations.refused(event);
  }
}
