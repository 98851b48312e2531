package io.airtix.payments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to a running service, with a bearer token or none, and Stripe's webhook calls. */
public final class PaymentsHttp {

  private static final JsonMapper json = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();

  private final String baseUrl;

  public PaymentsHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public PaymentsHttp(int port) {
    this("http://localhost:" + port);
  }

  public Reply send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "application/json, application/problem+json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  /** Posts a webhook call as Stripe does: the raw body, its signature header, no token. */
  public Reply webhook(StripeWebhooks.Call call) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/payments/stripe/webhook"))
        .POST(HttpRequest.BodyPublishers.ofString(call.payload()))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Stripe-Signature", call.signature())
        .build();
    return reply(http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  private static Reply reply(HttpResponse<String> response) {
    JsonNode parsed = response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
    return new Reply(response.statusCode(), response, parsed);
  }

  public record Reply(int status, HttpResponse<String> response, JsonNode body) {

    public String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }

    /** The problem type's last segment, e.g. {@code order-not-payable}. */
    public String problem() {
      String type = body.path("type").asString();
      return type.substring(type.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
      return status + " " + response.body();
    }
  }
}
