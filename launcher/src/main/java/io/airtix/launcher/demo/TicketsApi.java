package io.airtix.launcher.demo;

import io.airtix.launcher.demo.DemoTicket.TicketRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** The tickets service's API as the demo uses it: with an agent's bearer token, like the web apps will. */
final class TicketsApi {

  private final URI tickets;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  TicketsApi(URI serviceBaseUrl) {
    this.tickets = serviceBaseUrl.resolve("/api/tickets");
  }

  /** Flight numbers of the tickets the agent can see, whatever the shape of the list (array or page). */
  Set<String> flightNumbers(String accessToken) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(tickets).GET(), accessToken);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + tickets + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return new HashSet<>(json.readTree(response.body()).findValuesAsString("flightNumber"));
  }

  void create(TicketRequest ticket, String accessToken) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(tickets)
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(json.writeValueAsString(ticket))), accessToken);
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST " + tickets + " for " + ticket.flightNumber() + " answered "
          + response.statusCode() + ": " + response.body());
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String accessToken) {
    try {
      return http.send(request.header("Authorization", "Bearer " + accessToken)
          .header("Accept", "application/json")
          .timeout(Duration.ofSeconds(30))
          .build(), BodyHandlers.ofString());
    }
    catch (IOException e) {
      throw new IllegalStateException("The tickets service at " + tickets + " did not answer: " + e.getMessage(), e);
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + tickets, e);
    }
  }
}
