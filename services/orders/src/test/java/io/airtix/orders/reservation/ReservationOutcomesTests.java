package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationOutcomesTests {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ReservationOutcomes outcomes = new ReservationOutcomes(meters);

  @Test
  void countsEachReservationByWhatBecameOfIt() {
    UUID ticket = UUID.randomUUID();

    outcomes.reserved();
    outcomes.reserved();
    outcomes.refused(new TicketUnavailableException(ticket));
    outcomes.refused(new PriceChangedException(ticket, new BigDecimal("139.90"), "EUR"));

    assertThat(count("reserved")).isEqualTo(2);
    assertThat(count("ticket_unavailable")).isEqualTo(1);
    assertThat(count("price_changed")).isEqualTo(1);
  }

  @Test
  void showsTheReservedSeriesBeforeTheFirstSale() {
    assertThat(count("reserved")).isZero();
  }

  private double count(String outcome) {
    return meters.get("airtix.reservations").tag("outcome", outcome).counter().count();
  }
}
