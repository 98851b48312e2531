package io.airtix.orders.ticketreplica;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket as the orders service last heard of it from the tickets service.
 *
 * @param status as the tickets service last reported it with one of its own changes; whether the
 *     ticket is taken, the orders say
 */
public record ReplicatedTicket(
    UUID id,
    long version,
    String airline,
    String flightNumber,
    String origin,
    String destination,
    Instant departureTime,
    BigDecimal price,
    String currency,
    String status) {

  /** Same amount (whatever its scale) in the same currency. */
  public boolean costs(BigDecimal amount, String inCurrency) {
    return price.compareTo(amount) == 0 && currency.equals(inCurrency);
  }
}
