package io.airtix.launcher.purchase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.net.Webhook;
import java.time.Instant;

/**
 * Stripe as the payments service sees it in a purchase: its API answering a PaymentIntent with an
 * id derived from the request's idempotency key, and its webhook calls, signed offline with the
 * endpoint's secret.
 */
final class StripeStandIn implements AutoCloseable {

  static final String API_KEY = "sk_test_purchase";
  static final String WEBHOOK_SECRET = "whsec_purchase_secret";

  private final WireMockServer server =
      new WireMockServer(wireMockConfig().dynamicPort().templatingEnabled(true));

  StripeStandIn() {
    server.start();
    server.stubFor(
        post(urlPathEqualTo("/v1/payment_intents"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withTransformers("response-template")
                    .withBody(
                        """
            {"id": "pi_{{request.headers.Idempotency-Key}}", "object": "payment_intent",
             "status": "requires_payment_method", "livemode": false,
             "client_secret": "pi_{{request.headers.Idempotency-Key}}_secret_purchase"}""")));
  }

  String apiBase() {
    return server.baseUrl();
  }

  int intentsCreated() {
    return server.getAllServeEvents().size();
  }

  /** A webhook call: the body and its Stripe-Signature header. */
  record SignedCall(String payload, String signature) {}

  /** Stripe's {@code payment_intent.succeeded} for the intent, signed now. */
  static SignedCall succeeded(String intentId) {
    String eventId = "evt_" + Long.toHexString(System.nanoTime());
    String payload =
        """
        {"id": "%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false,
         "type": "payment_intent.succeeded", "data": {"object": {"id": "%s", "object": "payment_intent",
         "status": "succeeded", "latest_charge": "ch_%s"}}}"""
            .formatted(eventId, Instant.now().getEpochSecond(), intentId, eventId.substring(4));
    try {
      return new SignedCall(
          payload, Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET));
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
