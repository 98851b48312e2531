package io.airtix.tickets.catalog;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Query parameters of the public ticket search.
 *
 * @param date departure day in UTC
 */
record TicketSearch(
    @Pattern(regexp = TicketConstraints.AIRLINE, message = "must be an airline id") String airline,
    @Pattern(regexp = TicketConstraints.IATA, message = "must be a 3-letter IATA airport code")
        String origin,
    @Pattern(regexp = TicketConstraints.IATA, message = "must be a 3-letter IATA airport code")
        String destination,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {}
