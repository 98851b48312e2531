package io.airtix.tickets.catalog;

import io.airtix.platform.validation.CurrencyCode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;

/** Body of {@code POST /api/tickets}. */
@DifferentAirports
record CreateTicketRequest(
    @NotNull @Pattern(regexp = TicketConstraints.AIRLINE, message = "must be an airline id")
        String airline,
    @NotNull
        @Pattern(
            regexp = TicketConstraints.FLIGHT_NUMBER,
            message = "must be a flight number like LX123")
        String flightNumber,
    @NotNull
        @Pattern(regexp = TicketConstraints.IATA, message = "must be a 3-letter IATA airport code")
        String origin,
    @NotNull
        @Pattern(regexp = TicketConstraints.IATA, message = "must be a 3-letter IATA airport code")
        String destination,
    @NotNull @Future Instant departureTime,
    @NotNull Cabin cabin,
    @NotNull @Pattern(regexp = TicketConstraints.SEAT, message = "must be a seat like 12A")
        String seat,
    @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2)
        BigDecimal price,
    @NotNull @CurrencyCode String currency)
    implements Route {

  TicketDetails details() {
    return new TicketDetails(
        flightNumber, origin, destination, departureTime, cabin, seat, price, currency);
  }
}
