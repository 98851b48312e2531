package io.airtix.launcher.demo;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.keycloakclient.InvitationAcceptance;
import io.airtix.launcher.demo.TenantsApi.Outcome;
import io.airtix.launcher.keycloak.KeycloakAdmin;
import io.airtix.launcher.keycloak.WebLogin;
import io.airtix.launcher.mail.Mailbox;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.Keycloak;

/**
 * Creates the demo airlines, people and tickets the way the platform's users would. People get
 * their accounts through Keycloak's admin API (never in the realm file, so the realm stays fit for
 * production); the platform admin creates each airline through the tenants API, inviting the
 * airline's tenant admin, who then invites the airline's staff through the same API; each demo
 * person accepts their invitation through the link Keycloak mailed them (read in the mail catcher);
 * the agents put the tickets on sale through the tickets API. So the demo airlines are made like
 * any other, admin-console permissions included. Whatever exists already is left alone.
 */
public final class DemoData {

  private final URI keycloakBaseUrl;
  private final String realm;
  private final String adminPassword;
  private final WebLogin login;
  private final TenantsApi tenantsApi;
  private final TicketsApi ticketsApi;
  private final Clock clock;
  private final DemoAuthenticators authenticators;
  private final Mailbox mailbox;

  public DemoData(
      URI keycloakBaseUrl,
      String realm,
      String adminPassword,
      URI tenantsBaseUrl,
      URI ticketsBaseUrl,
      URI mailCatcherPage,
      Clock clock,
      DemoAuthenticators authenticators) {
    this.keycloakBaseUrl = keycloakBaseUrl;
    this.realm = realm;
    this.adminPassword = adminPassword;
    this.login = new WebLogin(keycloakBaseUrl, realm);
    this.tenantsApi = new TenantsApi(tenantsBaseUrl);
    this.ticketsApi = new TicketsApi(ticketsBaseUrl);
    this.clock = clock;
    this.authenticators = authenticators;
    this.mailbox = new Mailbox(mailCatcherPage);
  }

  /**
   * What one run created, all zero on every start after the first.
   *
   * @param staff people an airline's tenant admin invited (first tenant admins come with their
   *     airline)
   * @param notes demo data found otherwise than the demo makes it, left as it is
   */
  public record Created(int accounts, int airlines, int staff, int tickets, List<String> notes) {

    public boolean nothing() {
      return accounts + airlines + staff + tickets == 0;
    }
  }

  public Created ensurePresent() {
    List<String> notes = new ArrayList<>();
    int accounts = ensureAccounts();
    String platformAdmin = accessToken(DemoCatalog.platformAdmin());
    int airlines = 0;
    int staff = 0;
    int tickets = 0;
    for (String airline : DemoCatalog.AIRLINES.keySet().stream().sorted().toList()) {
      airlines += ensureAirline(airline, platformAdmin, notes);
      acceptInvitations(airline);
      staff += ensureStaff(airline, notes);
      acceptInvitations(airline);
      tickets += ensureTickets(airline);
    }
    return new Created(accounts, airlines, staff, tickets, List.copyOf(notes));
  }

  /** Accounts only: who works for which airline is the tenants service's business. */
  private int ensureAccounts() {
    try (Keycloak admin = KeycloakAdmin.connect(keycloakBaseUrl, adminPassword)) {
      AirtixRealm airtix = new AirtixRealm(admin, realm);
      requireRealmFitForTenantsService(airtix);
      Set<String> existing =
          DemoCatalog.ACCOUNTS.stream()
              .map(DemoAccount::username)
              .filter(
                  username -> !airtix.resource().users().searchByUsername(username, true).isEmpty())
              .collect(Collectors.toSet());
      List<DemoAccount> missing = DemoPlan.accountsToCreate(DemoCatalog.ACCOUNTS, existing);
      missing.forEach(account -> airtix.createUser(account.toNewUser()));
      return missing.size();
    }
  }

  /**
   * Keycloak imports the realm file only into a store that lacks the realm, so a data folder from
   * an Airtix older than the tenants service keeps a realm without fine-grained admin permissions
   * and without the service's roles; the service would answer every airline call with an error.
   * Said plainly instead.
   */
  private void requireRealmFitForTenantsService(AirtixRealm airtix) {
    if (!Boolean.TRUE.equals(airtix.resource().toRepresentation().isAdminPermissionsEnabled())) {
      throw new IllegalStateException(
          "the realm "
              + realm
              + " in this data folder comes from an Airtix older than"
              + " the tenants service, which cannot manage airlines in it. Delete the data folder to start afresh"
              + " (distributed mode: also drop the database airtix_keycloak).");
    }
  }

  private int ensureAirline(String airline, String platformAdminToken, List<String> notes) {
    Outcome outcome =
        tenantsApi.createAirline(
            airline,
            DemoCatalog.AIRLINES.get(airline),
            DemoCatalog.tenantAdminOf(airline).email(),
            platformAdminToken);
    if (outcome == Outcome.DIFFERENT) {
      notes.add(
          "The airline "
              + airline
              + " exists with another name or first tenant admin (made by hand, or by an"
              + " older Airtix that left out its admin-console permissions); left as it is. Delete the data folder for"
              + " fresh demo data.");
    }
    return outcome == Outcome.CREATED ? 1 : 0;
  }

  private int ensureStaff(String airline, List<String> notes) {
    DemoAccount tenantAdmin = DemoCatalog.tenantAdminOf(airline);
    String token = accessToken(tenantAdmin);
    int added = 0;
    for (DemoAccount member : DemoPlan.staffToAdd(DemoCatalog.ACCOUNTS, tenantAdmin)) {
      Outcome outcome =
          tenantsApi.addStaff(airline, member.email(), Set.of(member.tenantRole()), token);
      if (outcome == Outcome.DIFFERENT) {
        notes.add(
            member.username()
                + " works for "
                + airline
                + " in other roles than "
                + member.tenantRole()
                + " (changed since the demo made them); left as they are.");
      }
      added += outcome == Outcome.INVITED ? 1 : 0;
    }
    return added;
  }

  /**
   * The demo people with an open invitation to the airline accept it, as they would: they follow
   * the link of the invitation Keycloak mailed them (read in the mail catcher). Invitations of
   * anyone else are left alone.
   */
  private void acceptInvitations(String airline) {
    Set<String> invited;
    try (Keycloak admin = KeycloakAdmin.connect(keycloakBaseUrl, adminPassword)) {
      invited = new AirtixRealm(admin, realm).pendingInvitations(airline);
    }
    String airlineName = DemoCatalog.AIRLINES.get(airline);
    for (DemoAccount account : DemoCatalog.ACCOUNTS) {
      if (invited.contains(account.email().toLowerCase(Locale.ROOT))) {
        URI link =
            mailbox
                .newestLink(account.email(), airlineName, "/login-actions/action-token")
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "no invitation to "
                                + airlineName
                                + " in the mails to "
                                + account.email()
                                + " (is the mail catcher the realm's SMTP server?)"));
        InvitationAcceptance.accept(link);
      }
    }
  }

  private int ensureTickets(String airline) {
    String token = accessToken(DemoCatalog.agentOf(airline));
    List<DemoTicket> missing =
        DemoPlan.ticketsToCreate(DemoCatalog.TICKETS, airline, ticketsApi.flightNumbers(token));
    Instant today = clock.instant();
    missing.forEach(ticket -> ticketsApi.create(ticket.toRequest(today), token));
    return missing.size();
  }

  /**
   * Logged in after any change to their airlines: the token carries the tenant roles of the moment
   * it was issued. The platform admin and the tenant admins set up their authenticator app at their
   * first login; it is kept even when the login fails after that, or Keycloak would ask for codes
   * nobody could compute.
   */
  private String accessToken(DemoAccount account) {
    AuthenticatorApp app = authenticators.of(account.username());
    try {
      return login.login(account.username(), DemoAccount.PASSWORD, app).accessToken();
    } finally {
      authenticators.keep(account.username(), app);
    }
  }
}
