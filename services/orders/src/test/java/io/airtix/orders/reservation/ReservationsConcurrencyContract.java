package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.orders.ticketreplica.Replicas;
import io.airtix.orders.ticketreplica.ReplicatedTickets;
import io.airtix.platform.security.AirtixPrincipal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many customers reserve the same few tickets at the same instant, through the real service layer
 * and the real database: the database's partial unique index lets exactly one order per ticket be
 * active, and every order that exists committed together with its order.created event. The replica
 * says AVAILABLE to every buyer throughout (no tickets service runs here), so only the index stands
 * between the buyers and a double sale. And the row a reservation writes in plain SQL is the one
 * the {@link Order} entity reads and changes afterwards.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      // nothing to deliver to here: the outbox rows are what the test counts
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false"
    })
abstract class ReservationsConcurrencyContract {

  private static final Logger log = LoggerFactory.getLogger(ReservationsConcurrencyContract.class);

  @Autowired Reservations reservations;

  @Autowired ApplicationContext context;

  @Autowired JdbcClient jdbc;

  @Autowired ReplicatedTickets tickets;

  /** Buyers racing in one round, for {@link #tickets()} tickets. */
  abstract int buyers();

  abstract int tickets();

  abstract int rounds();

  abstract int buyersOfOneTicket();

  /** Threads sending the buyers' reservations. */
  abstract int threads();

  enum Outcome {
    RESERVED,
    UNAVAILABLE,
    TOO_MANY_HOLDS
  }

  @Test
  void sellsEveryTicketExactlyOnceWhenManyBuyersRaceForFewTickets() throws Exception {
    for (int round = 1; round <= rounds(); round++) {
      List<TicketCreated> tickets = new ArrayList<>();
      for (int i = 0; i < tickets(); i++) {
        tickets.add(Replicas.availableTicket("aerolux"));
      }
      Replicas.apply(context, tickets.toArray());
      List<UUID> ids = tickets.stream().map(TicketCreated::ticketId).toList();

      long started = System.nanoTime();
      List<Outcome> outcomes = race(buyers(), buyer -> tickets.get(buyer % tickets.size()));
      double seconds = (System.nanoTime() - started) / 1e9;

      Map<Outcome, Long> counted =
          outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
      log.info(
          "round {}: {} buyers, {} tickets: {} in {} s ({} reservation attempts/s, {} orders/s)",
          round,
          buyers(),
          tickets(),
          counted,
          String.format("%.3f", seconds),
          Math.round(buyers() / seconds),
          Math.round(counted.getOrDefault(Outcome.RESERVED, 0L) / seconds));
      assertThat(counted)
          .containsEntry(Outcome.RESERVED, (long) tickets())
          .containsEntry(Outcome.UNAVAILABLE, (long) (buyers() - tickets()));
      assertThat(activeOrdersPerTicket(ids))
          .hasSize(tickets())
          .allSatisfy(
              (ticket, orders) ->
                  assertThat(orders).as("active orders of ticket %s", ticket).isEqualTo(1));
    }
    assertEveryOrderHasItsEvent();
  }

  @Test
  void letsExactlyOneOfManyBuyersReserveTheSameTicket() throws Exception {
    TicketCreated ticket = Replicas.availableTicket("boreal");
    Replicas.apply(context, ticket);

    List<Outcome> outcomes = race(buyersOfOneTicket(), buyer -> ticket);

    assertThat(outcomes).filteredOn(outcome -> outcome == Outcome.RESERVED).hasSize(1);
    assertThat(outcomes)
        .filteredOn(outcome -> outcome == Outcome.UNAVAILABLE)
        .hasSize(buyersOfOneTicket() - 1);
    assertThat(activeOrdersPerTicket(List.of(ticket.ticketId())))
        .containsExactly(Map.entry(ticket.ticketId(), 1L));
    assertEveryOrderHasItsEvent();
  }

  @Test
  void letsOneCustomerRacingForManyTicketsHoldNoMoreThanTheLimit() throws Exception {
    AirtixPrincipal customer = Customers.newCustomer();
    List<TicketCreated> tickets = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      tickets.add(Replicas.availableTicket("boreal"));
    }
    Replicas.apply(context, tickets.toArray());

    List<Outcome> outcomes = race(tickets.size(), buyer -> tickets.get(buyer), buyer -> customer);

    assertThat(outcomes).filteredOn(outcome -> outcome == Outcome.RESERVED).hasSize(6);
    assertThat(outcomes).filteredOn(outcome -> outcome == Outcome.TOO_MANY_HOLDS).hasSize(10);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM orders WHERE customer_id = ?"
                        + " AND status IN ('CREATED', 'AWAITING_PAYMENT')")
                .param(customer.userId())
                .query(Long.class)
                .single())
        .isEqualTo(6);
    assertEveryOrderHasItsEvent();
  }

  @Test
  void readsBackAndCancelsThroughTheEntityWhatTheReservationWroteInPlainSql() {
    TicketCreated ticket = Replicas.availableTicket("boreal");
    Replicas.apply(context, ticket);
    assertThat(tickets.find(ticket.ticketId()))
        .hasValueSatisfying(
            replica -> {
              assertThat(replica.departureTime()).isEqualTo(ticket.departureTime());
              assertThat(replica.price()).isEqualTo(new BigDecimal("129.90"));
            });
    AirtixPrincipal customer = Customers.newCustomer();

    OrderResponse reserved = reservations.reserve(customer, OrderMother.reserve(ticket));

    OrderResponse read = reservations.find(customer, reserved.id());
    // SQLite keeps milliseconds, PostgreSQL rounds to microseconds (…443999522 is read back as
    // …444000): the same instant within a millisecond
    assertThat(read)
        .usingRecursiveComparison()
        .withComparatorForType(
            (a, b) ->
                Duration.between(a, b).abs().compareTo(Duration.ofMillis(1)) < 0
                    ? 0
                    : a.compareTo(b),
            Instant.class)
        .isEqualTo(reserved);
    assertThat(read.price()).isEqualTo(new BigDecimal("129.90"));
    OrderResponse cancelled = reservations.cancel(customer, reserved.id());
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.version()).isEqualTo(1);
  }

  /**
   * Every buyer, each a different customer, reserves at once; unexpected failures fail the test.
   */
  private List<Outcome> race(int buyers, Function<Integer, TicketCreated> ticketOf)
      throws Exception {
    return race(buyers, ticketOf, buyer -> Customers.newCustomer());
  }

  /** Every buyer reserves at once, as the customer given; unexpected failures fail the test. */
  private List<Outcome> race(
      int buyers,
      Function<Integer, TicketCreated> ticketOf,
      Function<Integer, AirtixPrincipal> customerOf)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Outcome>> results = new ArrayList<>();
      for (int buyer = 0; buyer < buyers; buyer++) {
        TicketCreated ticket = ticketOf.apply(buyer);
        AirtixPrincipal customer = customerOf.apply(buyer);
        Callable<Outcome> reserve =
            () -> {
              start.await();
              try {
                reservations.reserve(customer, OrderMother.reserve(ticket));
                return Outcome.RESERVED;
              } catch (TicketUnavailableException ex) {
                return Outcome.UNAVAILABLE;
              } catch (TooManyHoldsException ex) {
                return Outcome.TOO_MANY_HOLDS;
              }
            };
        results.add(pool.submit(reserve));
      }
      start.countDown();
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> result : results) {
        outcomes.add(result.get(2, TimeUnit.MINUTES));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<UUID, Long> activeOrdersPerTicket(List<UUID> tickets) {
    return jdbc
        .sql("SELECT ticket_id FROM orders WHERE status IN ('CREATED', 'AWAITING_PAYMENT')")
        .query(String.class)
        .list()
        .stream()
        .map(UUID::fromString)
        .filter(tickets::contains)
        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
  }

  private void assertEveryOrderHasItsEvent() {
    long orders = jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single();
    long events =
        jdbc.sql("SELECT count(*) FROM airtix_outbox WHERE event_type = 'order.created'")
            .query(Long.class)
            .single();
    assertThat(events).as("order.created events in the outbox").isEqualTo(orders);
  }
}
