package io.airtix.payments;

import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.stripe.StripeWebhooks;
import java.net.http.HttpRequest;

/**
 * The payments service over HTTP: JSON calls with a bearer token or none, and Stripe's webhook
 * calls.
 */
public final class PaymentsHttp extends ServiceHttp {

  public PaymentsHttp(int port) {
    super(port);
  }

  /** Posts a webhook call as Stripe does: the raw body, its signature header, no token. */
  public Reply webhook(StripeWebhooks.Call call) throws Exception {
    return send(
        request("/api/payments/stripe/webhook")
            .POST(HttpRequest.BodyPublishers.ofString(call.payload()))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Stripe-Signature", call.signature()));
  }
}
