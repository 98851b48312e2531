package io.airtix.payments.payment;

import io.airtix.payments.provider.ProviderEvent.Outcome;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/payments/{id}/simulated-confirmation}: what the simulated provider
 * answers, as a card would at Stripe ({@code SUCCEEDED}, or {@code FAILED} to try the retry path).
 */
record SimulatedConfirmation(@NotNull Outcome outcome) {}
