package io.airtix.benchmarks;

import java.net.URI;

/**
 * Where the distributed Airtix under test runs and how hard to push it; system properties {@code
 * airtix.bench.*}, given by scripts/benchmark.sh.
 *
 * @param concurrency virtual users of every scenario, each sending its next request as soon as the
 *     last answered
 * @param requestsPerUser requests each virtual user sends in the distinct-tickets scenario
 * @param ceilingRequestsPerUser requests each virtual user sends in the ceiling scenario: more than
 *     reservations, since a GET answers faster, so that both measured windows last about as long (≈
 *     20 s on the quiet machine) and a single collection or compilation in one of them does not
 *     move the ratio much
 * @param hotAttemptsPerUser reservations each virtual user attempts on the one hot ticket
 * @param warmUpRequestsPerUser requests of each kind each virtual user sends before anything is
 *     measured: enough for the JIT compiler to have compiled both paths (with 50, the services were
 *     still compiling during the measured scenarios, a third of the orders service's CPU)
 * @param settleSeconds after the warm-up's reservations came back from the tickets service, how
 *     long nothing is sent, so the compilations the warm-up queued finish before the ceiling is
 *     measured
 * @param steadyRate requests per second of the steady-rate scenarios (an open model: each arrives
 *     on schedule, whether or not earlier ones were answered)
 * @param steadySeconds how long each steady-rate scenario lasts
 */
record BenchmarkSettings(
    URI keycloak,
    String keycloakAdminPassword,
    URI tickets,
    URI orders,
    String ordersJdbcUrl,
    String ticketsJdbcUrl,
    int airlines,
    int customers,
    int concurrency,
    int requestsPerUser,
    int ceilingRequestsPerUser,
    int hotAttemptsPerUser,
    int warmUpRequestsPerUser,
    int settleSeconds,
    int steadyRate,
    int steadySeconds) {

  static BenchmarkSettings fromSystemProperties() {
    return new BenchmarkSettings(
        URI.create(property("keycloak", "http://localhost:18180")),
        property("keycloak-admin-password", null),
        URI.create(property("tickets", "http://localhost:18081")),
        URI.create(property("orders", "http://localhost:18082")),
        property(
            "orders-jdbc-url",
            "jdbc:postgresql://127.0.0.1:5432/airtix_bench_orders?user=postgres"),
        property(
            "tickets-jdbc-url",
            "jdbc:postgresql://127.0.0.1:5432/airtix_bench_tickets?user=postgres"),
        Integer.parseInt(property("airlines", "4")),
        Integer.parseInt(property("customers", "200")),
        Integer.parseInt(property("concurrency", "8")),
        Integer.parseInt(property("requests-per-user", "300")),
        Integer.parseInt(property("ceiling-requests-per-user", "750")),
        Integer.parseInt(property("hot-attempts-per-user", "40")),
        Integer.parseInt(property("warm-up-requests-per-user", "600")),
        Integer.parseInt(property("settle-seconds", "15")),
        Integer.parseInt(property("steady-rate", "40")),
        Integer.parseInt(property("steady-seconds", "30")));
  }

  /** Tickets the distinct-tickets scenarios and the warm-up reserve, one each. */
  int distinctTickets() {
    return concurrency * (requestsPerUser + warmUpRequestsPerUser) + steadyRequests();
  }

  /** Requests of each steady-rate scenario. */
  int steadyRequests() {
    return steadyRate * steadySeconds;
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty("airtix.bench." + name, fallback);
    if (value == null) {
      throw new IllegalStateException("Set the system property airtix.bench." + name);
    }
    return value;
  }
}
