package io.airtix.tickets.catalog;

import io.airtix.platform.validation.CurrencyCode;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Query parameters of the public ticket search.
 *
 * @param date departure day in UTC
 * @param minPrice lowest price, inclusive, in {@code currency}
 * @param maxPrice highest price, inclusive, in {@code currency}
 * @param currency the currency the tickets are priced in; required with a price bound, as amounts
 *     in different currencies are not comparable (docs/decisions/0033)
 */
@PriceRange
record TicketSearch(
    @Pattern(regexp = TicketConstraints.AIRLINE, message = "must be an airline id") String airline,
    @Pattern(regexp = TicketConstraints.IATA, message = "must be a 3-letter IATA airport code")
        String origin,
    @Pattern(regexp = TicketConstraints.IATA, message = "must be a 3-letter IATA airport code")
        String destination,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
    @Parameter(description = "Lowest price, inclusive, in the currency given; needs currency.")
        @DecimalMin("0")
        @Digits(integer = 10, fraction = 2)
        BigDecimal minPrice,
    @Parameter(description = "Highest price, inclusive, in the currency given; needs currency.")
        @DecimalMin("0")
        @Digits(integer = 10, fraction = 2)
        BigDecimal maxPrice,
    @Parameter(
            description =
                "Only tickets priced in this ISO 4217 currency; required with minPrice or maxPrice.")
        @CurrencyCode
        String currency) {

  boolean hasPriceBound() {
    return minPrice != null || maxPrice != null;
  }
}
