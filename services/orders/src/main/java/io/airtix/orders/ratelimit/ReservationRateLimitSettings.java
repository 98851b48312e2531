package io.airtix.orders.ratelimit;

import io.airtix.platform.ratelimit.RateLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many reservations one customer, and all customers of one airline together, may make. The
 * defaults are in {@code orders.yaml}.
 *
 * @param perUser one customer's bucket (token subject)
 * @param perAirline one airline's bucket, shared by everyone reserving its tickets: one airline's
 *     flash sale uses up its own bucket, not the capacity of the others
 */
@Validated
@ConfigurationProperties("airtix.orders.rate-limits")
record ReservationRateLimitSettings(
    @NotNull @Valid RateLimit perUser, @NotNull @Valid RateLimit perAirline) {}
