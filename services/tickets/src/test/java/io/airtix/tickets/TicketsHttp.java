package io.airtix.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tickets API of a service under test, over HTTP: valid request bodies and the calls the tests
 * set up with.
 */
record TicketsHttp(int port) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Reply(int status, JsonNode body) {}

  /**
   * A valid new ticket of the airline; flight number, seat and departure are random so tickets
   * never collide.
   */
  static String ticket(String airline) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return """
        {"airline":"%s","flightNumber":"LX%d","origin":"LUX","destination":"CDG","departureTime":"%s",
         "cabin":"ECONOMY","seat":"%d%s","price":129.90,"currency":"EUR"}
        """
        .formatted(
            airline,
            random.nextInt(1, 9999),
            departure(),
            random.nextInt(1, 60),
            "ABCDEF".charAt(random.nextInt(6)));
  }

  /** A valid edit of a ticket the client read at {@code version}. */
  static String update(long version) {
    return """
        {"flightNumber":"LX900","origin":"LUX","destination":"LHR","departureTime":"%s",
         "cabin":"BUSINESS","seat":"2C","price":499.00,"currency":"EUR","version":%d}
        """
        .formatted(departure(), version);
  }

  /**
   * Creates a ticket of the airline as {@code agentToken}'s holder and answers it as the API shows
   * it.
   */
  JsonNode create(String agentToken, String airline) throws IOException, InterruptedException {
    Reply reply = send("POST", "/api/tickets", agentToken, ticket(airline));
    assertThat(reply.status())
        .as("create a ticket of %s: %s", airline, reply.body())
        .isEqualTo(201);
    return reply.body();
  }

  Reply send(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Accept", "application/json, application/problem+json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body()));
  }

  private static Instant departure() {
    return Instant.now()
        .plus(Duration.ofDays(7))
        .plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(1, 10_000)))
        .truncatedTo(ChronoUnit.MINUTES);
  }
}
