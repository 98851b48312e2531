package io.airtix.orders.reservation;

import io.airtix.platform.problem.AirtixProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts reservations by outcome ({@code airtix.reservations}): {@code reserved}, or the code of
 * the problem that refused it ({@code ticket_unavailable}, {@code price_changed}, {@code
 * rate_limited}, {@code too_many_holds} …), which is a short, fixed list.
 */
@Component
class ReservationOutcomes {

  private static final String NAME = "airtix.reservations";
  private static final String DESCRIPTION = "Reservations by what became of them";

  private final MeterRegistry meters;
  private final Counter reserved;

  ReservationOutcomes(MeterRegistry meters) {
    this.meters = meters;
    // registered at start, so Prometheus sees the series before the first sale
    this.reserved = counter("reserved");
  }

  void reserved() {
    reserved.increment();
  }

  void refused(AirtixProblem problem) {
    String code = problem.code();
    counter(code == null ? "refused" : code.toLowerCase(Locale.ROOT)).increment();
  }

  private Counter counter(String outcome) {
    return Counter.builder(NAME).description(DESCRIPTION).tag("outcome", outcome).register(meters);
  }
}
