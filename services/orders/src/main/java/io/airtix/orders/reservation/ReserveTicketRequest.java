package io.airtix.orders.reservation;

import io.airtix.platform.validation.CurrencyCode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Body of {@code POST /api/orders}: the ticket and the price the customer saw, so a price changed
 * meanwhile is refused (409 price-changed) instead of charged.
 */
record ReserveTicketRequest(
    @NotNull UUID ticketId,
    @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2)
        BigDecimal price,
    @NotNull @CurrencyCode String currency) {}
