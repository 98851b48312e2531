package io.airtix.testing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * A local stand-in of the Stripe API calls the payments service makes, for the real stripe-java
 * client: it answers {@code POST /v1/payment_intents}, {@code POST /v1/payment_intents/<id>/cancel}
 * and {@code POST /v1/refunds} as Stripe does, with ids derived from the request's idempotency key
 * (so a repeated request gets the same object, as at Stripe), and can play dead. Stripe's webhook
 * calls: {@link StripeWebhooks}.
 */
public final class StripeStandIn implements AutoCloseable {

  public static final String API_KEY = "sk_test_standin";
  public static final String WEBHOOK_SECRET = "whsec_standin_secret";

  private static final String INTENTS = "/v1/payment_intents";
  private static final String REFUNDS = "/v1/refunds";
  private static final String CANCELLATIONS = "/v1/payment_intents/[^/]+/cancel";

  private final WireMockServer server;

  private StripeStandIn(WireMockServer server) {
    this.server = server;
  }

  /** Started on a free port, answering like Stripe. */
  public static StripeStandIn start() {
    WireMockServer server =
        new WireMockServer(wireMockConfig().dynamicPort().templatingEnabled(true));
    server.start();
    StripeStandIn stripe = new StripeStandIn(server);
    stripe.answer();
    return stripe;
  }

  public String apiBase() {
    return server.baseUrl();
  }

  /** Every call answered as Stripe would. */
  public void answer() {
    server.resetMappings();
    server.stubFor(
        post(urlPathEqualTo(INTENTS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withTransformers("response-template")
                    .withBody(
                        """
            {"id": "pi_{{request.headers.Idempotency-Key}}", "object": "payment_intent",
             "amount": {{formData request.body 'form' urlDecode=true}}{{form.amount}},
             "currency": "{{form.currency}}", "status": "requires_payment_method",
             "client_secret": "pi_{{request.headers.Idempotency-Key}}_secret_standin", "livemode": false}""")));
    server.stubFor(
        post(urlPathEqualTo(REFUNDS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withTransformers("response-template")
                    .withBody(
                        """
            {"id": "re_{{request.headers.Idempotency-Key}}", "object": "refund", "status": "succeeded",
             "livemode": false}""")));
    server.stubFor(
        post(urlPathMatching(CANCELLATIONS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withTransformers("response-template")
                    .withBody(
                        """
            {"id": "{{request.pathSegments.[2]}}", "object": "payment_intent", "status": "canceled",
             "cancellation_reason": "abandoned", "livemode": false}""")));
  }

  /**
   * Intents succeed before they can be cancelled: Stripe refuses the cancellation as it refuses it
   * for a succeeded intent, and answers everything else as usual.
   */
  public void succeedBeforeCancellation() {
    answer();
    server.stubFor(
        post(urlPathMatching(CANCELLATIONS))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
            {"error": {"type": "invalid_request_error", "code": "payment_intent_unexpected_state",
             "message": "You cannot cancel this PaymentIntent because it has a status of succeeded."}}""")));
  }

  /** Stripe unreachable: every connection is reset. */
  public void dropConnections() {
    server.resetMappings();
    server.stubFor(
        post(urlPathEqualTo(INTENTS))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    server.stubFor(
        post(urlPathEqualTo(REFUNDS))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    server.stubFor(
        post(urlPathMatching(CANCELLATIONS))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
  }

  /** Stripe up but failing: 500 with Stripe's error body. */
  public void failWith500() {
    server.resetMappings();
    String error =
        """
        {"error": {"type": "api_error", "message": "An unknown error occurred"}}""";
    server.stubFor(
        post(urlPathEqualTo(INTENTS))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(error)));
    server.stubFor(
        post(urlPathEqualTo(REFUNDS))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(error)));
    server.stubFor(
        post(urlPathMatching(CANCELLATIONS))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(error)));
  }

  public List<LoggedRequest> intentRequests() {
    return server.findAll(postRequestedFor(urlPathEqualTo(INTENTS)));
  }

  public List<LoggedRequest> cancelRequests() {
    return server.findAll(postRequestedFor(urlPathMatching(CANCELLATIONS)));
  }

  public List<LoggedRequest> refundRequests() {
    return server.findAll(postRequestedFor(urlPathEqualTo(REFUNDS)));
  }

  @Override
  public void close() {
    server.stop();
  }
}
