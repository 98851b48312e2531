package io.airtix.live.feed;

import io.airtix.live.message.TicketFacts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tickets service's public catalogue ({@code GET /api/tickets/{id}}, no token), asked for a
 * ticket the live service has no event of. Answers quickly or not at all: the feed waits for it.
 */
final class TicketsCatalogue implements TicketFacts.Catalogue {

  private static final Logger LOG = LoggerFactory.getLogger(TicketsCatalogue.class);

  private final URI tickets;
  private final Duration patience;
  private final HttpClient http;
  // prices as written (80.50 stays 80.50), never through a double
  private final JsonMapper json =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  TicketsCatalogue(URI tickets, Duration patience) {
    this.tickets = tickets;
    this.patience = patience;
    this.http = HttpClient.newBuilder().connectTimeout(patience).build();
  }

  @Override
  public TicketFacts.@Nullable Ticket find(UUID ticket) {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(tickets.resolve("/api/tickets/" + ticket))
                  .header("Accept", "application/json")
                  .timeout(patience)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        return null;
      }
      JsonNode found = json.readTree(answer.body());
      return new TicketFacts.Ticket(
          found.path("origin").asString(),
          found.path("destination").asString(),
          Instant.parse(found.path("departureTime").asString()),
          found.path("price").decimalValue());
    } catch (IOException | RuntimeException unavailable) {
      // no answer, a refusal or a body that is no ticket: the same to the feed
      LOG.debug("The catalogue could not describe ticket {}: {}", ticket, unavailable.toString());
      return null;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
