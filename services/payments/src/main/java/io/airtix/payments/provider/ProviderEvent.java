package io.airtix.payments.provider;

import java.time.Instant;
import java.util.Objects;

/**
 * What a provider reports about an intent: Stripe's {@code payment_intent.succeeded} and {@code
 * payment_intent.payment_failed} webhook events, or a simulated payment's confirmation.
 *
 * @param id the provider's event id: the deduplication key
 * @param created when the provider created the event (Stripe: whole seconds), to tell a late report
 *     of an earlier attempt from one of the current attempt
 * @param chargeId for a success, the charge; null otherwise
 * @param failureReason for a failure, the provider's words; null otherwise
 */
public record ProviderEvent(
    String id,
    Outcome outcome,
    String intentId,
    Instant created,
    String chargeId,
    String failureReason) {

  public enum Outcome {
    SUCCEEDED,
    FAILED
  }

  public ProviderEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(intentId, "intentId");
    Objects.requireNonNull(created, "created");
  }
}
