package io.airtix.benchmarks;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.keycloakclient.NewUser;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Makes the sale's world through the real APIs: airlines and accounts in Keycloak's admin API,
 * tickets by the agents through the tickets service, and every person's token from the real login
 * flow. Names carry a run id, so runs on the same data never collide.
 */
final class SaleSetup {

  static final String PASSWORD = "Bench-Passw0rd-2026!";
  private static final String REALM = AirtixRealm.NAME;
  private static final String WEB_CLIENT = "airtix-web";
  private static final URI WEB_REDIRECT = URI.create("http://localhost:8080/callback");
  private static final int PARALLEL_CALLS = 8;
  private static final Duration REPLICATION_PATIENCE = Duration.ofMinutes(5);
  private static final Duration TOKEN_LIFESPAN = Duration.ofHours(1);
  private static final String SEAT_LETTERS = "ABCDEF";
  private static final int SEATS_PER_FLIGHT = 99 * SEAT_LETTERS.length();

  private final BenchmarkSettings settings;
  private final String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36);
  private final ApiCalls api = new ApiCalls();
  private final Map<String, AuthenticatorApp> authenticators = new ConcurrentHashMap<>();

  SaleSetup(BenchmarkSettings settings) {
    this.settings = settings;
  }

  /** A ticket on sale as a customer saw it. */
  record Ticket(String id, BigDecimal price, String currency) {

    Map<String, Object> asFeederRecord() {
      return Map.of("ticketId", id, "price", price.toPlainString(), "currency", currency);
    }
  }

  /** The world one run works on; warm-up and measured reservations take tickets of their own. */
  record SaleData(
      List<String> customerTokens,
      List<Ticket> warmUpTickets,
      List<Ticket> measuredTickets,
      List<Ticket> steadyTickets,
      Ticket hotTicket) {}

  SaleData prepare() {
    Instant started = Instant.now();
    List<String> airlines = numbered(settings.airlines(), i -> "bench-" + run + "-" + i);
    createAirlinesAndAccounts(airlines);
    List<Ticket> tickets = createTickets(airlines, settings.distinctTickets() + 1);
    awaitReplicated(tickets);
    log("tickets created and replicated to the orders service after " + since(started));
    // last, so the tokens are fresh when the load begins
    List<String> tokens = inParallel(settings.customers(), i -> login(customerName(i)));
    log(tokens.size() + " customers logged in after " + since(started));
    int warmUp = settings.concurrency() * settings.warmUpRequestsPerUser();
    int steady = tickets.size() - 1 - settings.steadyRequests();
    return new SaleData(
        tokens,
        tickets.subList(0, warmUp),
        tickets.subList(warmUp, steady),
        tickets.subList(steady, tickets.size() - 1),
        tickets.get(tickets.size() - 1));
  }

  /**
   * Airlines and their staff straight through Keycloak's admin API, as a realm administrator: the
   * benchmark measures the sale, and the tenants service would have each person accept an
   * invitation by mail first.
   */
  private void createAirlinesAndAccounts(List<String> airlines) {
    try (Keycloak admin =
        Keycloak.getInstance(
            settings.keycloak().toString(),
            "master",
            "admin",
            settings.keycloakAdminPassword(),
            "admin-cli")) {
      // The realm's access tokens live 5 minutes; on a loaded machine the measured part of a run
      // takes longer, and the customers' tokens would expire in the middle of it (401s, not
      // reservations). This Keycloak is the benchmark's own: its tokens live as long as a run.
      RealmRepresentation lifespans = admin.realm(REALM).toRepresentation();
      lifespans.setAccessTokenLifespan((int) TOKEN_LIFESPAN.toSeconds());
      admin.realm(REALM).update(lifespans);
      AirtixRealm realm = new AirtixRealm(admin, REALM);
      List<NewUser> staff = new ArrayList<>();
      for (String airline : airlines) {
        realm.ensureAirline(airline, "Bench " + airline);
        realm.ensureTenantAdminPermissions(airline);
        staff.add(
            new NewUser(
                tenantAdminName(airline),
                email(tenantAdminName(airline)),
                "Tenant",
                "Admin",
                PASSWORD,
                Set.of(),
                Map.of(airline, Set.of("tenant-admin"))));
        staff.add(
            new NewUser(
                agentName(airline),
                email(agentName(airline)),
                "Ticket",
                "Agent",
                PASSWORD,
                Set.of(),
                Map.of(airline, Set.of("agent"))));
      }
      staff.forEach(realm::createUser);
      inParallel(
          settings.customers(),
          i ->
              realm.createUser(
                  NewUser.customer(
                      customerName(i), email(customerName(i)), "Customer", "No" + i, PASSWORD)));
    }
  }

  /** Round-robin over the airlines, so each airline's share of the load is the same. */
  private List<Ticket> createTickets(List<String> airlines, int count) {
    List<String> agentTokens = airlines.stream().map(airline -> login(agentName(airline))).toList();
    String departure =
        Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(30)).toString();
    return inParallel(
        count,
        i -> {
          int airline = i % airlines.size();
          int perAirline = i / airlines.size();
          Map<String, Object> request =
              Map.of(
                  "airline",
                  airlines.get(airline),
                  "flightNumber",
                  "BX" + (1 + perAirline / SEATS_PER_FLIGHT),
                  "origin",
                  "LUX",
                  "destination",
                  "LHR",
                  "departureTime",
                  departure,
                  "cabin",
                  "ECONOMY",
                  "seat",
                  (1 + perAirline % SEATS_PER_FLIGHT / SEAT_LETTERS.length())
                      + ""
                      + SEAT_LETTERS.charAt(perAirline % SEAT_LETTERS.length()),
                  "price",
                  new BigDecimal("129.00"),
                  "currency",
                  "EUR");
          String id =
              api.post(
                      settings.tickets().resolve("/api/tickets"),
                      request,
                      agentTokens.get(airline),
                      Set.of(201))
                  .get("id")
                  .asString();
          return new Ticket(id, new BigDecimal("129.00"), "EUR");
        });
  }

  /**
   * Reservations of a ticket the orders service has not heard of yet would be 404s, not
   * reservations.
   */
  private void awaitReplicated(List<Ticket> tickets) {
    awaitAll(
        settings.ordersJdbcUrl(),
        "select count(*) from ticket_replica where id = any(?)",
        tickets,
        "reached the orders service");
  }

  /**
   * Waits until the tickets service has applied the reservation of each of these tickets (its
   * {@code order.created}): the last event a reservation causes, so none is still waiting in a
   * queue or an outbox.
   *
   * @return how long the wait took
   */
  Duration awaitReservationsThrough(List<Ticket> tickets) {
    Instant started = Instant.now();
    awaitAll(
        settings.ticketsJdbcUrl(),
        "select count(*) from ticket where id = any(?) and status = 'RESERVED'",
        tickets,
        "were held in the tickets service");
    return Duration.between(started, Instant.now());
  }

  // Polls a count among these tickets in a service's database until it is all of them
  private void awaitAll(String jdbcUrl, String countQuery, List<Ticket> tickets, String what) {
    String[] ids = tickets.stream().map(Ticket::id).toArray(String[]::new);
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement count = connection.prepareStatement(countQuery)) {
      count.setArray(1, connection.createArrayOf("varchar", ids));
      AtomicLong found = new AtomicLong();
      try {
        Awaitility.await()
            .atMost(REPLICATION_PATIENCE)
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> {
                  try (ResultSet result = count.executeQuery()) {
                    result.next();
                    found.set(result.getLong(1));
                    return found.get() == ids.length;
                  }
                });
      } catch (ConditionTimeoutException e) {
        throw new IllegalStateException(
            "Only "
                + found.get()
                + " of "
                + ids.length
                + " tickets "
                + what
                + " within "
                + REPLICATION_PATIENCE,
            e);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read " + jdbcUrl, e);
    }
  }

  /**
   * Platform and tenant admins set up an authenticator app at their first login; the app answers
   * later ones.
   */
  private String login(String username) {
    AuthenticatorApp app =
        authenticators.computeIfAbsent(username, someone -> new AuthenticatorApp());
    return BrowserlessLogin.login(
            settings.keycloak(), REALM, WEB_CLIENT, WEB_REDIRECT, username, PASSWORD, app)
        .accessToken();
  }

  private static <T> List<T> inParallel(int count, IntFunction<T> call) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CALLS);
    try {
      List<Future<T>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        calls.add(pool.submit(() -> call.apply(index)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> each : calls) {
        results.add(each.get());
      }
      return results;
    } catch (Exception e) {
      throw new IllegalStateException("The setup failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> numbered(int count, IntFunction<String> name) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(name.apply(i));
    }
    return names;
  }

  private static String tenantAdminName(String airline) {
    return airline + "-admin";
  }

  private static String agentName(String airline) {
    return airline + "-agent";
  }

  private String customerName(int i) {
    return "bench-" + run + "-customer-" + i;
  }

  private static String email(String username) {
    return username + "@bench.airtix.test";
  }

  private static String since(Instant started) {
    return Duration.between(started, Instant.now()).toSeconds() + " s";
  }

  static void log(String message) {
    System.out.println("[benchmark] " + message);
  }
}
