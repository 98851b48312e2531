package io.airtix.launcher.demo;

import io.airtix.launcher.demo.DemoTicket.TicketRequest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

/**
 * The tickets service's API as the demo uses it: with an agent's bearer token, like the web apps
 * will.
 */
final class TicketsApi {

  private final URI tickets;
  private final ServiceCalls calls = new ServiceCalls();

  TicketsApi(URI serviceBaseUrl) {
    this.tickets = serviceBaseUrl.resolve("/api/tickets");
  }

  /**
   * Flight numbers of the tickets the agent can see, whatever the shape of the list (array or
   * page).
   */
  Set<String> flightNumbers(String accessToken) {
    HttpResponse<String> response = calls.get(tickets, accessToken);
    if (response.statusCode() != 200) {
      throw ServiceCalls.unexpected("GET " + tickets, response);
    }
    return new HashSet<>(calls.read(response).findValuesAsString("flightNumber"));
  }

  void create(TicketRequest ticket, String accessToken) {
    HttpResponse<String> response = calls.post(tickets, ticket, accessToken);
    if (response.statusCode() != 201) {
      throw ServiceCalls.unexpected("POST " + tickets + " for " + ticket.flightNumber(), response);
    }
  }
}
