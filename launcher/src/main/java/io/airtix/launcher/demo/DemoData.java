package io.airtix.launcher.demo;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.launcher.keycloak.WebLogin;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * Creates the demo airlines, people and tickets the way the platform's users would: people through Keycloak's admin
 * API (never in the realm file, so the realm stays fit for production), tickets through the tickets API with each
 * airline's agent logged in. Whatever exists already is left alone.
 */
public final class DemoData {

  private final URI keycloakBaseUrl;
  private final String realm;
  private final String adminPassword;
  private final TicketsApi ticketsApi;
  private final Clock clock;

  public DemoData(URI keycloakBaseUrl, String realm, String adminPassword, URI ticketsBaseUrl, Clock clock) {
    this.keycloakBaseUrl = keycloakBaseUrl;
    this.realm = realm;
    this.adminPassword = adminPassword;
    this.ticketsApi = new TicketsApi(ticketsBaseUrl);
    this.clock = clock;
  }

  /** What one run created; both zero on every start after the first. */
  public record Created(int accounts, int tickets) {
  }

  public Created ensurePresent() {
    int accounts = ensureAccounts();
    int tickets = 0;
    for (String airline : DemoCatalog.AIRLINES.keySet().stream().sorted().toList()) {
      tickets += ensureTickets(airline);
    }
    return new Created(accounts, tickets);
  }

  private int ensureAccounts() {
    try (Keycloak admin = KeycloakBuilder.builder()
        .serverUrl(keycloakBaseUrl.toString())
        .realm("master")
        .clientId("admin-cli")
        .username("admin")
        .password(adminPassword)
        .build()) {
      AirtixRealm airtix = new AirtixRealm(admin, realm);
      Set<String> existing = DemoCatalog.ACCOUNTS.stream()
          .map(DemoAccount::username)
          .filter(username -> !airtix.resource().users().searchByUsername(username, true).isEmpty())
          .collect(Collectors.toSet());
      List<DemoAccount> missing = DemoPlan.accountsToCreate(DemoCatalog.ACCOUNTS, existing);
      DemoPlan.airlinesToEnsure(missing)
          .forEach(airline -> airtix.ensureAirline(airline, DemoCatalog.AIRLINES.get(airline)));
      missing.forEach(account -> airtix.createUser(account.toNewUser()));
      return missing.size();
    }
  }

  private int ensureTickets(String airline) {
    DemoAccount agent = DemoCatalog.agentOf(airline);
    String token = new WebLogin(keycloakBaseUrl, realm).login(agent.username(), DemoAccount.PASSWORD).accessToken();
    List<DemoTicket> missing = DemoPlan.ticketsToCreate(DemoCatalog.TICKETS, airline,
        ticketsApi.flightNumbers(token));
    Instant today = clock.instant();
    missing.forEach(ticket -> ticketsApi.create(ticket.toRequest(today), token));
    return missing.size();
  }
}
