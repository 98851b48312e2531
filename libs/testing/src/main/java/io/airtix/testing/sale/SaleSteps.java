package io.airtix.testing.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps of a sale as a web client takes them, through the gateway's HTTP API: an agent lists a
 * ticket, a traveller reserves it and pays the order. Events carry each step to the next service,
 * so a step that needs the previous one's news waits for it (404 until it arrived).
 */
public final class SaleSteps {

  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private final URI gateway;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  public SaleSteps(URI gateway) {
    this.gateway = gateway;
  }

  public JsonNode listTicket(String agent, String airline) {
    String departure =
        Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS).toString();
    String body =
        """
        {"airline":"%s","flightNumber":"AX%d","origin":"LUX","destination":"LIS","departureTime":"%s",
         "cabin":"ECONOMY","seat":"%dC","price":149.90,"currency":"EUR"}
        """
            .formatted(
                airline,
                // AX7000–AX8999: never a demo flight's number, nor one that contains it
                ThreadLocalRandom.current().nextInt(7000, 9000),
                departure,
                ThreadLocalRandom.current().nextInt(1, 60));
    HttpResponse<String> created = send("POST", "/api/tickets", agent, body);
    assertThat(created.statusCode()).as("POST /api/tickets: %s", created.body()).isEqualTo(201);
    return json.readTree(created.body());
  }

  /**
   * An agent changes the ticket's price, as the tickets API's editor does: the ticket as it is,
   * repriced.
   */
  public JsonNode reprice(String ticketId, String agent, String price) {
    JsonNode ticket = get("/api/tickets/" + ticketId, agent);
    String body =
        """
        {"flightNumber":"%s","origin":"%s","destination":"%s","departureTime":"%s",
         "cabin":"%s","seat":"%s","price":%s,"currency":"%s","version":%d}
        """
            .formatted(
                ticket.path("flightNumber").asString(),
                ticket.path("origin").asString(),
                ticket.path("destination").asString(),
                ticket.path("departureTime").asString(),
                ticket.path("cabin").asString(),
                ticket.path("seat").asString(),
                price,
                ticket.path("currency").asString(),
                ticket.path("version").asLong());
    HttpResponse<String> updated = send("PUT", "/api/tickets/" + ticketId, agent, body);
    assertThat(updated.statusCode())
        .as("PUT /api/tickets/%s: %s", ticketId, updated.body())
        .isEqualTo(200);
    return json.readTree(updated.body());
  }

  /** Reserves once the orders service heard of the ticket. */
  public JsonNode reserve(JsonNode ticket, String traveller) {
    String body =
        """
        {"ticketId":"%s","price":%s,"currency":"%s"}
        """
            .formatted(
                ticket.path("id").asString(),
                ticket.path("price").asDecimal().toPlainString(),
                ticket.path("currency").asString());
    return createdOnceKnown("/api/orders", traveller, body);
  }

  /**
   * Waits until the orders service prices the ticket as given, as it does once the tickets
   * service's change reached it. Asks with a price the ticket never has, so the answer is always
   * the price-changed problem with the orders service's current price, and no order is made.
   */
  public void awaitOrdersPrice(String ticketId, String price, String traveller) {
    String probe =
        """
        {"ticketId":"%s","price":0.01,"currency":"EUR"}
        """
            .formatted(ticketId);
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              HttpResponse<String> answer = send("POST", "/api/orders", traveller, probe);
              return answer.statusCode() == 409
                  && json.readTree(answer.body())
                          .path("currentPrice")
                          .asDecimal()
                          .compareTo(new BigDecimal(price))
                      == 0;
            });
  }

  /** Starts paying once the payments service heard of the order. */
  public JsonNode startPayment(JsonNode order, String traveller) {
    return createdOnceKnown(
        "/api/payments",
        traveller,
        """
        {"orderId":"%s"}"""
            .formatted(order.path("id").asString()));
  }

  /**
   * Confirms a simulated payment as the web apps' "pay" button does, with the outcome the traveller
   * chose: SUCCEEDED or FAILED.
   */
  public HttpResponse<String> confirmSimulatedPayment(
      String paymentId, String outcome, String traveller) {
    return send(
        "POST",
        "/api/payments/" + paymentId + "/simulated-confirmation",
        traveller,
        """
        {"outcome":"%s"}"""
            .formatted(outcome));
  }

  public JsonNode get(String path, String token) {
    HttpResponse<String> response = send("GET", path, token, null);
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  public HttpResponse<String> send(String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.resolve(path))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return exchange(request);
  }

  /** Posts as Stripe posts its webhooks: raw body, signature header, no token. */
  public HttpResponse<String> stripeWebhook(String payload, String signature) {
    return exchange(
        HttpRequest.newBuilder(gateway.resolve("/api/payments/stripe/webhook"))
            .POST(BodyPublishers.ofString(payload))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Stripe-Signature", signature)
            .timeout(Duration.ofSeconds(30)));
  }

  /** The ticket's status as anyone browsing the catalogue sees it. */
  public String ticketStatus(String ticketId) {
    return get("/api/tickets/" + ticketId, null).path("status").asString();
  }

  private JsonNode createdOnceKnown(String path, String token, String body) {
    AtomicReference<HttpResponse<String>> response = new AtomicReference<>();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              response.set(send("POST", path, token, body));
              return response.get().statusCode() != 404;
            });
    assertThat(response.get().statusCode())
        .as("POST %s: %s", path, response.get().body())
        .isEqualTo(201);
    return json.readTree(response.get().body());
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
