package io.airtix.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.airtix.benchmarks.SaleSetup.SaleData;
import io.airtix.benchmarks.SaleSetup.Ticket;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sale under load, against the orders service of the distributed mode, in one run: a warm-up,
 * then (a) the ceiling, a trivial authenticated GET of the caller's own orders; (b) reservations,
 * each of another ticket; (c) the hot ticket, every virtual user trying to reserve the same one.
 * Each of these keeps {@code concurrency} virtual users busy, each sending its next request as soon
 * as the last one answered (a closed model: the figures are the capacity at that concurrency, and
 * latency includes the queue in front of the saturated service). Then (d) the ceiling GET and (e)
 * reservations of distinct tickets each arrive at a steady {@code steadyRate} per second for {@code
 * steadySeconds}, whether or not earlier ones were answered (an open model below saturation:
 * latency is the service's own). The orders service's JFR recording, when asked for, runs from
 * before the warm-up to the end and keeps scenario (b) alone in its file.
 */
public class SaleSimulation extends Simulation {

  private static final String RESERVATION =
      "{\"ticketId\":\"#{ticketId}\",\"price\":#{price},\"currency\":\"#{currency}\"}";

  private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
  private final SaleSetup setup = new SaleSetup(settings);
  private final SaleData data = setup.prepare();
  private final FlightRecording recording = FlightRecording.fromSystemProperties();
  private final PhaseClock clock = new PhaseClock();

  private final HttpProtocolBuilder orders =
      http.baseUrl(settings.orders().toString())
          .acceptHeader("application/json")
          .contentTypeHeader("application/json");

  {
    int users = settings.concurrency();
    PopulationBuilder startRecording =
        scenario("start recording")
            .exec(
                session -> {
                  recording.start();
                  return session;
                })
            .injectOpen(atOnceUsers(1));
    PopulationBuilder warmUp =
        scenario("warm-up")
            .exec(
                repeat(settings.warmUpRequestsPerUser()).on(ownOrders("warm-up: GET /api/orders")))
            .exec(
                repeat(settings.warmUpRequestsPerUser())
                    .on(reserve("warm-up: POST /api/orders", tickets(data.warmUpTickets()))))
            .injectOpen(atOnceUsers(users));
    PopulationBuilder settle =
        scenario("settle")
            .exec(
                session -> {
                  Duration through = setup.awaitReservationsThrough(data.warmUpTickets());
                  SaleSetup.log(
                      "warm-up: every event of its reservations applied "
                          + through.toMillis()
                          + " ms after its last answer; now "
                          + settings.settleSeconds()
                          + " s without requests");
                  return session;
                })
            .pause(Duration.ofSeconds(settings.settleSeconds()))
            .injectOpen(atOnceUsers(1));
    PopulationBuilder ceiling =
        scenario("ceiling")
            .exec(
                timed(
                    "ceiling",
                    repeat(settings.ceilingRequestsPerUser())
                        .on(ownOrders("ceiling: GET /api/orders"))))
            .injectOpen(atOnceUsers(users));
    PopulationBuilder beginSpan =
        scenario("begin recorded span")
            .exec(
                session -> {
                  recording.beginSpan();
                  return session;
                })
            .injectOpen(atOnceUsers(1));
    PopulationBuilder distinct =
        scenario("distinct tickets")
            .exec(
                timed(
                    "distinct",
                    repeat(settings.requestsPerUser())
                        .on(
                            reserve(
                                "distinct: POST /api/orders", tickets(data.measuredTickets())))))
            .injectOpen(atOnceUsers(users));
    PopulationBuilder endSpan =
        scenario("end recorded span")
            .exec(
                session -> {
                  // the tickets service's part of a reservation happens after its answer: a backlog
                  // here is work the scenario's span did not pay for
                  setup.awaitReservationsThrough(data.measuredTickets());
                  SaleSetup.log(
                      "phase distinct: every event of its reservations applied "
                          + clock.sinceEnd("distinct").toMillis()
                          + " ms after its last answer");
                  recording.endSpan();
                  return session;
                })
            .injectOpen(atOnceUsers(1));
    PopulationBuilder hot =
        scenario("hot ticket")
            .exec(timed("hot", repeat(settings.hotAttemptsPerUser()).on(reserveHotTicket())))
            .injectOpen(atOnceUsers(users));

    Duration steadyFor = Duration.ofSeconds(settings.steadySeconds());
    PopulationBuilder steadyCeiling =
        scenario("ceiling at a steady rate")
            .exec(timed("ceiling-steady", ownOrders("ceiling-steady: GET /api/orders")))
            .injectOpen(constantUsersPerSec(settings.steadyRate()).during(steadyFor));
    PopulationBuilder steadyDistinct =
        scenario("reservations at a steady rate")
            .exec(
                timed(
                    "distinct-steady",
                    reserve("distinct-steady: POST /api/orders", tickets(data.steadyTickets()))))
            .injectOpen(constantUsersPerSec(settings.steadyRate()).during(steadyFor));

    setUp(
            startRecording.andThen(
                warmUp.andThen(
                    settle.andThen(
                        ceiling.andThen(
                            beginSpan.andThen(
                                distinct.andThen(
                                    endSpan.andThen(
                                        hot.andThen(steadyCeiling.andThen(steadyDistinct))))))))))
        .protocols(orders)
        .assertions(global().failedRequests().count().is(0L));
  }

  /**
   * Each scenario's throughput; and exactly one order may hold the hot ticket, however many tried.
   */
  @Override
  public void after() {
    recording.stop();
    int users = settings.concurrency();
    clock.report("ceiling", users * settings.ceilingRequestsPerUser());
    clock.report("distinct", users * settings.requestsPerUser());
    clock.report("hot", users * settings.hotAttemptsPerUser());
    clock.report("ceiling-steady", settings.steadyRequests());
    clock.report("distinct-steady", settings.steadyRequests());
    try (Connection connection = DriverManager.getConnection(settings.ordersJdbcUrl());
        PreparedStatement holders =
            connection.prepareStatement(
                "select count(*) from orders where ticket_id = ? and status in ('CREATED', 'AWAITING_PAYMENT')")) {
      holders.setString(1, data.hotTicket().id());
      try (ResultSet result = holders.executeQuery()) {
        result.next();
        SaleSetup.log(
            "orders holding the hot ticket: "
                + result.getLong(1)
                + " (expected 1) after "
                + settings.concurrency() * settings.hotAttemptsPerUser()
                + " attempts");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the hot ticket's orders", e);
    }
  }

  private ChainBuilder timed(String phase, ChainBuilder requests) {
    return exec(session -> {
          clock.started(phase);
          return session;
        })
        .exec(requests)
        .exec(
            session -> {
              clock.ended(phase);
              return session;
            });
  }

  private ChainBuilder ownOrders(String name) {
    return exec(feedCustomer())
        .exec(
            http(name)
                .get("/api/orders?size=1")
                .header("Authorization", "Bearer #{token}")
                .check(status().is(200)));
  }

  private ChainBuilder reserve(String name, FeederBuilder<Object> tickets) {
    return exec(feedCustomer())
        .feed(tickets)
        .exec(
            http(name)
                .post("/api/orders")
                .header("Authorization", "Bearer #{token}")
                .body(StringBody(RESERVATION))
                .check(status().is(201)));
  }

  /** One attempt wins (201); every other is the expected 409 ticket-unavailable. */
  private ChainBuilder reserveHotTicket() {
    Ticket hot = data.hotTicket();
    return exec(feedCustomer())
        .exec(
            http("hot: POST /api/orders")
                .post("/api/orders")
                .header("Authorization", "Bearer #{token}")
                .body(
                    StringBody(
                        RESERVATION
                            .replace("#{ticketId}", hot.id())
                            .replace("#{price}", hot.price().toPlainString())
                            .replace("#{currency}", hot.currency())))
                .check(status().in(201, 409)));
  }

  private ChainBuilder feedCustomer() {
    return feed(
        listFeeder(
                data.customerTokens().stream()
                    .map(token -> Map.<String, Object>of("token", token))
                    .toList())
            .circular());
  }

  private static FeederBuilder<Object> tickets(List<Ticket> tickets) {
    return listFeeder(tickets.stream().map(Ticket::asFeederRecord).toList()).queue();
  }
}
