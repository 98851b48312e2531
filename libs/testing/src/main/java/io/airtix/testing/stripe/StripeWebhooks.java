package io.airtix.testing.stripe;

import com.stripe.net.Webhook;
import java.time.Instant;
import java.util.UUID;

/**
 * Webhook calls as Stripe makes them: an event about a payment intent, signed offline with the
 * endpoint's secret.
 */
public final class StripeWebhooks {

  private StripeWebhooks() {}

  /** A signed call: the body and its Stripe-Signature header. */
  public record Call(String payload, String signature) {}

  public static String newEventId() {
    return "evt_" + UUID.randomUUID().toString().replace("-", "");
  }

  public static String succeeded(String eventId, String intentId, Instant created) {
    return event(
        eventId,
        "payment_intent.succeeded",
        created,
        """
        {"id": "%s", "object": "payment_intent", "status": "succeeded", "latest_charge": "ch_%s"}"""
            .formatted(intentId, eventId.substring(4)));
  }

  public static String failed(String eventId, String intentId, Instant created) {
    return event(
        eventId,
        "payment_intent.payment_failed",
        created,
        """
        {"id": "%s", "object": "payment_intent", "status": "requires_payment_method", "latest_charge": null,
         "last_payment_error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined."}}"""
            .formatted(intentId));
  }

  private static String event(String id, String type, Instant created, String intent) {
    return """
        {"id": "%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false,
         "pending_webhooks": 1, "type": "%s", "data": {"object": %s}}"""
        .formatted(id, created.getEpochSecond(), type, intent);
  }

  /** Signed now with the stand-in's secret. */
  public static Call signed(String payload) {
    return signedAt(payload, Instant.now(), StripeStandIn.WEBHOOK_SECRET);
  }

  public static Call signedAt(String payload, Instant at, String secret) {
    try {
      return new Call(
          payload, Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond()));
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }
}
