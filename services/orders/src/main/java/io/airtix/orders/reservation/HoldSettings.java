package io.airtix.orders.reservation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long, and how many, tickets a customer may hold.
 *
 * @param hold from the reservation to its {@code expiresAt}; the expiration service cancels unpaid
 *     orders then
 * @param maxHolds how many orders one customer may have holding a ticket at once (created or
 *     awaiting payment); the next reservation answers 409 {@code TOO_MANY_HOLDS}
 */
@Validated
@ConfigurationProperties("airtix.orders")
public record HoldSettings(
    @NotNull @DefaultValue("15m") Duration hold, @Positive @DefaultValue("6") int maxHolds) {}
