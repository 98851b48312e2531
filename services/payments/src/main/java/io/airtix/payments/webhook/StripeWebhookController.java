package io.airtix.payments.webhook;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.airtix.payments.config.PaymentsConfiguration;
import io.airtix.payments.payment.PaymentOutcomes;
import io.airtix.payments.payment.PaymentOutcomes.Applied;
import io.airtix.payments.provider.ProviderEvent;
import io.airtix.payments.provider.ProviderEvent.Outcome;
import io.airtix.payments.provider.StripeSettings;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's calls about payment intents. Public (no token), so the signature is the only proof the
 * call is Stripe's: it is checked on the raw body, as Stripe signed it, before anything is read
 * from it. Stripe retries until it gets a 2xx, for days and in no particular order; {@link
 * PaymentOutcomes} applies each event id once.
 */
@RestController
class StripeWebhookController {

  static final String SUCCEEDED = "payment_intent.succeeded";
  static final String FAILED = "payment_intent.payment_failed";

  private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
  private static final JsonMapper json = JsonMapper.builder().build();

  private final StripeSettings settings;
  private final PaymentOutcomes outcomes;

  StripeWebhookController(StripeSettings settings, PaymentOutcomes outcomes) {
    this.settings = settings;
    this.outcomes = outcomes;
  }

  // Stripe sends JSON; anything else is not Stripe's (415), whatever its signature
  @PostMapping(
      value = PaymentsConfiguration.STRIPE_WEBHOOK,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  WebhookReceipt receive(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description = "A Stripe event, as Stripe signs and sends it",
              content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
          @RequestBody(required = false)
          String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    Event event = verified(payload, signature);
    Outcome outcome =
        switch (event.getType()) {
          case SUCCEEDED -> Outcome.SUCCEEDED;
          case FAILED -> Outcome.FAILED;
          default -> null;
        };
    if (outcome == null) {
      log.debug("Stripe event {} of type {} is not one we act on", event.getId(), event.getType());
      return new WebhookReceipt(event.getId(), event.getType(), Applied.IGNORED);
    }
    // read from the verified raw body, not through the client's typed model: that one is empty when
    // the event's API version differs from the client's
    JsonNode intent = json.readTree(payload).path("data").path("object");
    ProviderEvent report =
        new ProviderEvent(
            event.getId(),
            outcome,
            intent.path("id").asString(),
            Instant.ofEpochSecond(event.getCreated()),
            text(intent.path("latest_charge")),
            text(intent.path("last_payment_error").path("message")));
    try {
      Applied applied = outcomes.apply(report);
      log.info(
          "Stripe event {} ({}) for intent {}: {}",
          event.getId(),
          event.getType(),
          report.intentId(),
          applied);
      return new WebhookReceipt(event.getId(), event.getType(), applied);
    } catch (DataIntegrityViolationException ex) {
      // the same event, delivered twice at once, was applied by the other delivery
      return new WebhookReceipt(event.getId(), event.getType(), Applied.DUPLICATE);
    }
  }

  private Event verified(String payload, String signature) {
    if (settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
      throw new InvalidSignatureException(
          "Stripe webhooks are not enabled here (no signing secret is configured).");
    }
    if (payload == null || signature == null || signature.isBlank()) {
      throw new InvalidSignatureException(
          "A Stripe webhook needs its body and its Stripe-Signature header.");
    }
    try {
      return Webhook.constructEvent(
          payload, signature, settings.webhookSecret(), settings.webhookTolerance().toSeconds());
    } catch (SignatureVerificationException ex) {
      log.warn("Refused a webhook call: {}", ex.getMessage());
      throw new InvalidSignatureException(
          "The Stripe-Signature does not match the body, or it is too old.");
    } catch (RuntimeException ex) {
      // a correctly signed body that is no event cannot come from Stripe either
      log.warn("Refused a webhook call whose body is not a Stripe event: {}", ex.getMessage());
      throw new InvalidSignatureException("The body is not a Stripe event.");
    }
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asString();
  }
}
