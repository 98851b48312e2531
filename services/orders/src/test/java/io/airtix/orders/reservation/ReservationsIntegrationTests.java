package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.events.orders.OrderExpired;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.orders.ticketreplica.Replicas;
import io.airtix.orders.ticketreplica.ReplicatedTickets;
import io.airtix.platform.problem.AirlineNotFoundException;
import io.airtix.platform.problem.ForbiddenProblem;
import io.airtix.platform.security.AirtixPrincipal;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reservations against the replica and the standalone database (SQLite); events are read from the
 * outbox.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.orders.hold=20m"
    })
@DirtiesContext
class ReservationsIntegrationTests {

  @Autowired Reservations reservations;

  @Autowired OrderExpiry expiry;

  @Autowired OrderRepository orders;

  @Autowired ReplicatedTickets tickets;

  @Autowired ApplicationContext context;

  @Autowired JdbcClient jdbc;

  @Autowired PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void scratchDataDir(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("airtix-reservations").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @Test
  void reservesAnAvailableTicketForTheConfiguredHoldAndPublishesOrderCreated() {
    TicketCreated ticket = available("aerolux");
    AirtixPrincipal customer = Customers.newCustomer();
    Instant before = Instant.now();

    OrderResponse order = reservations.reserve(customer, OrderMother.reserve(ticket));

    assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
    assertThat(order.customerId()).isEqualTo(customer.userId());
    assertThat(order.airline()).isEqualTo("aerolux");
    assertThat(order.price()).isEqualByComparingTo("129.90");
    assertThat(order.expiresAt())
        .isBetween(before.plus(Duration.ofMinutes(20)), Instant.now().plus(Duration.ofMinutes(20)));
    assertThat(eventsOf(order.id())).containsExactly("order.created:0");
  }

  @Test
  void refusesAChangedPriceWithTheCurrentPriceAndCreatesNothing() {
    TicketCreated ticket = available("aerolux");
    // the agent raised the price after the customer saw it; the replica has heard of it
    Replicas.apply(context, Replicas.changed(ticket, 1, new BigDecimal("149.00"), "AVAILABLE"));

    assertThatThrownBy(
            () -> reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket)))
        .isInstanceOfSatisfying(
            PriceChangedException.class,
            ex -> {
              assertThat(ex.getStatusCode().value()).isEqualTo(409);
              assertThat(ex.getBody().getType().toString()).endsWith("/price-changed");
              assertThat(ex.getBody().getProperties())
                  .containsEntry("currentPrice", new BigDecimal("149.00"))
                  .containsEntry("currency", "EUR");
            });
    assertThat(ordersOf(ticket)).isZero();
  }

  @Test
  void refusesATicketTheReplicaDoesNotKnowWith404() {
    assertThatThrownBy(
            () ->
                reservations.reserve(
                    Customers.newCustomer(),
                    new ReserveTicketRequest(UUID.randomUUID(), new BigDecimal("10.00"), "EUR")))
        .isInstanceOf(TicketNotFoundException.class);
  }

  @Test
  void refusesATicketHeldOrSoldWithTicketUnavailable() {
    TicketCreated held = available("aerolux");
    reservations.reserve(Customers.newCustomer(), OrderMother.reserve(held));
    TicketCreated sold = available("aerolux");
    sell(reservations.reserve(Customers.newCustomer(), OrderMother.reserve(sold)).id());
    // an edit the tickets service made before it heard of the sale: no order is active, the replica
    // says AVAILABLE, and still the ticket is never sold twice
    Replicas.apply(context, Replicas.changed(sold, 1, sold.price(), "AVAILABLE"));

    for (TicketCreated ticket : List.of(held, sold)) {
      assertThatThrownBy(
              () -> reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket)))
          .isInstanceOf(TicketUnavailableException.class);
    }
    assertThat(ordersOf(held)).isEqualTo(1);
    assertThat(ordersOf(sold)).isEqualTo(1);
  }

  @Test
  void refusesASecondActiveOrderAndAllowsOneAfterCancellationWhateverTheReplicaSays() {
    TicketCreated ticket = available("boreal");
    AirtixPrincipal first = Customers.newCustomer();
    OrderResponse order = reservations.reserve(first, OrderMother.reserve(ticket));
    // an edit the tickets service made before it heard of the order: its status says nothing of the
    // hold
    Replicas.apply(context, Replicas.changed(ticket, 1, ticket.price(), "AVAILABLE"));

    assertThatThrownBy(
            () -> reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket)))
        .isInstanceOf(TicketUnavailableException.class);

    reservations.cancel(first, order.id());
    assertThat(reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket)).status())
        .isEqualTo(OrderStatus.CREATED);
  }

  @Test
  void refusesLaterAttemptsAsSoonAsAnOrderHoldsTheTicketWithoutHearingFromTheTicketsService() {
    TicketCreated ticket = available("boreal");
    reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket));

    assertThatThrownBy(
            () -> reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket)))
        .isInstanceOf(TicketUnavailableException.class);
    assertThat(ordersOf(ticket)).isEqualTo(1);
    // the reservation wrote the order and its event, nothing in the replica
    assertThat(tickets.find(ticket.ticketId()))
        .hasValueSatisfying(
            replica -> {
              assertThat(replica.version()).isZero();
              assertThat(replica.status()).isEqualTo("AVAILABLE");
            });
  }

  @Test
  void refusesReservationsToAirlineStaffWith403() {
    TicketCreated ticket = available("aerolux");

    assertThatThrownBy(
            () ->
                reservations.reserve(
                    Customers.staff("aerolux", "agent"), OrderMother.reserve(ticket)))
        .isInstanceOf(ForbiddenProblem.class);
  }

  @Test
  void letsOnlyTheOwnerCancelAndOnlyOnce() {
    AirtixPrincipal owner = Customers.newCustomer();
    OrderResponse order = reservations.reserve(owner, OrderMother.reserve(available("aerolux")));

    assertThatThrownBy(() -> reservations.cancel(Customers.newCustomer(), order.id()))
        .isInstanceOf(OrderNotFoundException.class);
    assertThatThrownBy(() -> reservations.find(Customers.newCustomer(), order.id()))
        .isInstanceOf(OrderNotFoundException.class);

    OrderResponse cancelled = reservations.cancel(owner, order.id());

    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.cancellationReason()).isEqualTo(CancellationReason.CUSTOMER);
    assertThatThrownBy(() -> reservations.cancel(owner, order.id()))
        .isInstanceOf(OrderNotCancellableException.class);
    assertThat(eventsOf(order.id())).containsExactly("order.created:0", "order.cancelled:1");
    assertThat(
            jdbc.sql(
                    "SELECT body FROM airtix_outbox WHERE aggregate_id = ? AND event_type = 'order.cancelled'")
                .param(order.id().toString())
                .query(String.class)
                .single())
        .contains("\"reason\":\"CUSTOMER\"");
  }

  @Test
  void expiryCancelsACreatedOrderButNotOneBeingPaid() {
    OrderResponse waiting =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(available("aerolux")));
    OrderResponse beingPaid =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(available("aerolux")));
    startPayment(beingPaid.id());

    expire(waiting);
    expire(beingPaid);
    expire(waiting);

    assertThat(orders.findById(waiting.id()).orElseThrow().status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(orders.findById(waiting.id()).orElseThrow().cancellationReason())
        .isEqualTo(CancellationReason.EXPIRED);
    assertThat(eventsOf(waiting.id())).containsExactly("order.created:0", "order.cancelled:1");
    assertThat(orders.findById(beingPaid.id()).orElseThrow().status())
        .isEqualTo(OrderStatus.AWAITING_PAYMENT);
    assertThat(eventsOf(beingPaid.id())).containsExactly("order.created:0");
  }

  @Test
  void closingThePaymentWindowCancelsAnOrderStillUnpaidButNotOnePaid() {
    OrderResponse beingPaid =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(available("aerolux")));
    OrderResponse paid =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(available("aerolux")));
    startPayment(beingPaid.id());
    sell(paid.id());
    expire(beingPaid);

    closePaymentWindow(beingPaid);
    closePaymentWindow(paid);
    closePaymentWindow(beingPaid);

    Order unpaid = orders.findById(beingPaid.id()).orElseThrow();
    assertThat(unpaid.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(unpaid.cancellationReason()).isEqualTo(CancellationReason.UNPAID);
    assertThat(eventsOf(beingPaid.id())).containsExactly("order.created:0", "order.cancelled:2");
    assertThat(orders.findById(paid.id()).orElseThrow().status()).isEqualTo(OrderStatus.COMPLETED);
  }

  @Test
  void refusesAReservationBeyondTheHoldsOneCustomerMayHaveWithTooManyHolds() {
    AirtixPrincipal customer = Customers.newCustomer();
    List<OrderResponse> held = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      held.add(reservations.reserve(customer, OrderMother.reserve(available("aerolux"))));
    }
    TicketCreated seventh = available("boreal");

    assertThatThrownBy(() -> reservations.reserve(customer, OrderMother.reserve(seventh)))
        .isInstanceOfSatisfying(
            TooManyHoldsException.class,
            problem -> assertThat(problem.code()).isEqualTo("TOO_MANY_HOLDS"));
    assertThat(ordersOf(seventh)).isZero();
    assertThat(reservations.reserve(Customers.newCustomer(), OrderMother.reserve(seventh)).status())
        .as("another customer")
        .isEqualTo(OrderStatus.CREATED);

    reservations.cancel(customer, held.get(0).id());
    startPayment(held.get(1).id());
    TicketCreated afterCancelling = available("boreal");

    assertThat(reservations.reserve(customer, OrderMother.reserve(afterCancelling)).status())
        .as("a cancelled hold makes room, a hold being paid does not")
        .isEqualTo(OrderStatus.CREATED);
    assertThatThrownBy(
            () -> reservations.reserve(customer, OrderMother.reserve(available("aerolux"))))
        .isInstanceOf(TooManyHoldsException.class);
  }

  @Test
  void listsTheCallersOwnOrdersNewestFirstAndAnAirlinesOrdersToItsStaffOnly() {
    AirtixPrincipal customer = Customers.newCustomer();
    OrderResponse older = reservations.reserve(customer, OrderMother.reserve(available("aerolux")));
    OrderResponse newer = reservations.reserve(customer, OrderMother.reserve(available("boreal")));
    reservations.reserve(Customers.newCustomer(), OrderMother.reserve(available("aerolux")));

    assertThat(reservations.mine(customer, 0, 10).items())
        .extracting(OrderResponse::id)
        .containsExactly(newer.id(), older.id());
    assertThat(
            reservations
                .ofAirline(Customers.staff("aerolux", "auditor"), "aerolux", 0, 100)
                .items())
        .extracting(OrderResponse::airline)
        .containsOnly("aerolux")
        .isNotEmpty();
    assertThat(
            reservations
                .ofAirline(Customers.staff("aerolux", "tenant-admin"), "aerolux", 0, 100)
                .items())
        .isNotEmpty();
    assertThatThrownBy(
            () -> reservations.ofAirline(Customers.staff("boreal", "auditor"), "aerolux", 0, 10))
        .isInstanceOf(AirlineNotFoundException.class);
    assertThat(
            reservations.ofAirline(Customers.staff("aerolux", "agent"), "aerolux", 0, 100).items())
        .extracting(OrderResponse::airline)
        .containsOnly("aerolux")
        .isNotEmpty();
    assertThatThrownBy(
            () -> reservations.ofAirline(Customers.staff("aerolux", "agent"), "boreal", 0, 10))
        .isInstanceOf(AirlineNotFoundException.class);
    assertThatThrownBy(() -> reservations.ofAirline(customer, "aerolux", 0, 10))
        .isInstanceOf(ForbiddenProblem.class);
  }

  private TicketCreated available(String airline) {
    TicketCreated ticket = Replicas.availableTicket(airline);
    Replicas.apply(context, ticket);
    return ticket;
  }

  /** Stand-in for the payments service's future event: payment started. */
  private void startPayment(UUID orderId) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> orders.findById(orderId).orElseThrow().awaitPayment(Instant.now()));
  }

  /** Stand-in for the payments service's events: payment started, then succeeded. */
  private void sell(UUID orderId) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              Order order = orders.findById(orderId).orElseThrow();
              order.awaitPayment(Instant.now());
              order.complete(Instant.now());
            });
  }

  /**
   * The expiration service's deadline, applied by the real listener in a transaction as the inbox
   * does.
   */
  private void expire(OrderResponse order) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status ->
                expiry.on(new OrderExpired(order.id(), 0, order.airline(), order.expiresAt())));
  }

  /** The expiration service's second deadline: the payment window closed. */
  private void closePaymentWindow(OrderResponse order) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status ->
                expiry.on(
                    new OrderExpired(
                        order.id(), 1, order.airline(), order.expiresAt().plusSeconds(600), true)));
  }

  private long ordersOf(TicketCreated ticket) {
    return jdbc.sql("SELECT count(*) FROM orders WHERE ticket_id = ?")
        .param(ticket.ticketId().toString())
        .query(Long.class)
        .single();
  }

  private List<String> eventsOf(UUID orderId) {
    return jdbc.sql(
            "SELECT event_type, aggregate_version FROM airtix_outbox WHERE aggregate_id = ? ORDER BY position")
        .param(orderId.toString())
        .query((row, n) -> row.getString(1) + ":" + row.getLong(2))
        .list();
  }
}
