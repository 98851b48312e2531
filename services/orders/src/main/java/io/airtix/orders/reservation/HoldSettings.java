package io.airtix.orders.reservation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a reservation holds its ticket.
 *
 * @param hold from the reservation to its {@code expiresAt}; the expiration service cancels unpaid
 *     orders then
 */
@Validated
@ConfigurationProperties("airtix.orders")
public record HoldSettings(@NotNull @DefaultValue("15m") Duration hold) {}
