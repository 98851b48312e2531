package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.events.orders.OrderExpired;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.orders.ticketreplica.ReplicatedTickets;
import io.airtix.orders.ticketreplica.Replicas;
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

/** Reservations against the replica and the standalone database (SQLite); events are read from the outbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "airtix.messaging.outbox.relay=false",
    "airtix.messaging.inbox.enabled=false",
    "airtix.orders.hold=20m"})
@DirtiesContext
class ReservationsIntegrationTests {

  @Autowired
  Reservations reservations;

  @Autowired
  OrderExpiry expiry;

  @Autowired
  OrderRepository orders;

  @Autowired
  ReplicatedTickets tickets;

  @Autowired
  ApplicationContext context;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PlatformTransactionManager transactions;

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
    assertThat(order.expiresAt()).isBetween(before.plus(Duration.ofMinutes(20)), Instant.now().plus(Duration.ofMinutes(20)));
    assertThat(eventsOf(order.id())).containsExactly("order.created:0");
  }

  @Test
  void refusesAChangedPriceWithTheCurrentPriceAndCreatesNothing() {
    TicketCreated ticket = available("aerolux");
    // the agent raised the price after the customer saw it; the replica has heard of it
    Replicas.apply(context, Replicas.changed(ticket, 1, new BigDecimal("149.00"), "AVAILABLE"));

    assertThatThrownBy(() -> reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket)))
        .isInstanceOfSatisfying(PriceChangedException.class, ex -> {
          assertThat(ex.getStatusCode().value()).isEqualTo(409);
          assertThat(ex.getBody().getType().toString()).endsWith("/price-changed");
          assertThat(ex.getBody().getProperties()).containsEntry("currentPrice", new BigDecimal("149.00"))
              .containsEntry("currency", "EUR");
        });
    assertThat(ordersOf(ticket)).isZero();
  }

  @Test
  void refusesATicketTheReplicaDoesNotKnowWith404() {
    assertThatThrownBy(() -> reservations.reserve(Customers.newCustomer(),
        new ReserveTicketRequest(UUID.randomUUID(), new BigDecimal("10.00"), "EUR")))
        .isInstanceOf(TicketNotFoundException.class);
  }

  @Test
  void refusesATicketReservedOrSoldWithTicketUnavailable() {
    TicketCreated reserved = available("aerolux");
    Replicas.apply(context, Replicas.changed(reserved, 1, reserved.price(), "RESERVED"));
    TicketCreated sold = available("aerolux");
    Replicas.apply(context, Replicas.changed(sold, 1, sold.price(), "SOLD"));

    for (TicketCreated ticket : List.of(reserved, sold)) {
      assertThatThrownBy(() -> reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket)))
          .isInstanceOf(TicketUnavailableException.class);
    }
  }

  @Test
  void refusesASecondActiveOrderThroughTheDatabaseAndAllowsOneAfterCancellation() {
    TicketCreated ticket = available("boreal");
    AirtixPrincipal first = Customers.newCustomer();
    OrderResponse order = reservations.reserve(first, OrderMother.reserve(ticket));
    // the tickets service's event of an edit made before it heard of the order: the replica says AVAILABLE again,
    // so only the database can refuse
    Replicas.apply(context, Replicas.changed(ticket, 1, ticket.price(), "AVAILABLE"));

    assertThatThrownBy(() -> reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket)))
        .isInstanceOf(TicketUnavailableException.class);

    reservations.cancel(first, order.id());
    assertThat(reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket)).status())
        .isEqualTo(OrderStatus.CREATED);
  }

  @Test
  void answersLaterAttemptsFromTheReplicaAsSoonAsAnOrderHoldsTheTicket() {
    TicketCreated ticket = available("boreal");
    reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket));

    // before the tickets service's ticket.updated comes back
    assertThat(tickets.find(ticket.ticketId())).hasValueSatisfying(replica ->
        assertThat(replica.status()).isEqualTo("RESERVED"));
    assertThatThrownBy(() -> reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket)))
        .isInstanceOf(TicketUnavailableException.class);
    assertThat(ordersOf(ticket)).isEqualTo(1);
  }

  @Test
  void refusesReservationsToAirlineStaffWith403() {
    TicketCreated ticket = available("aerolux");

    assertThatThrownBy(() -> reservations.reserve(Customers.staff("aerolux", "agent"), OrderMother.reserve(ticket)))
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
    assertThatThrownBy(() -> reservations.cancel(owner, order.id())).isInstanceOf(OrderNotCancellableException.class);
    assertThat(eventsOf(order.id())).containsExactly("order.created:0", "order.cancelled:1");
    assertThat(jdbc.sql("SELECT body FROM airtix_outbox WHERE aggregate_id = ? AND event_type = 'order.cancelled'")
        .param(order.id().toString()).query(String.class).single()).contains("\"reason\":\"CUSTOMER\"");
  }

  @Test
  void expiryCancelsACreatedOrderButNotOneBeingPaid() {
    OrderResponse waiting = reservations.reserve(Customers.newCustomer(), OrderMother.reserve(available("aerolux")));
    OrderResponse beingPaid = reservations.reserve(Customers.newCustomer(), OrderMother.reserve(available("aerolux")));
    startPayment(beingPaid.id());

    expire(waiting);
    expire(beingPaid);
    expire(waiting);

    assertThat(orders.findById(waiting.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(orders.findById(waiting.id()).orElseThrow().cancellationReason()).isEqualTo(CancellationReason.EXPIRED);
    assertThat(eventsOf(waiting.id())).containsExactly("order.created:0", "order.cancelled:1");
    assertThat(orders.findById(beingPaid.id()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    assertThat(eventsOf(beingPaid.id())).containsExactly("order.created:0");
  }

  @Test
  void listsTheCallersOwnOrdersNewestFirstAndAnAirlinesOrdersToItsAuditorsOnly() {
    AirtixPrincipal customer = Customers.newCustomer();
    OrderResponse older = reservations.reserve(customer, OrderMother.reserve(available("aerolux")));
    OrderResponse newer = reservations.reserve(customer, OrderMother.reserve(available("boreal")));
    reservations.reserve(Customers.newCustomer(), OrderMother.reserve(available("aerolux")));

    assertThat(reservations.mine(customer, 0, 10).items()).extracting(OrderResponse::id)
        .containsExactly(newer.id(), older.id());
    assertThat(reservations.ofAirline(Customers.staff("aerolux", "auditor"), "aerolux", 0, 100).items())
        .extracting(OrderResponse::airline).containsOnly("aerolux").isNotEmpty();
    assertThat(reservations.ofAirline(Customers.staff("aerolux", "tenant-admin"), "aerolux", 0, 100).items())
        .isNotEmpty();
    assertThatThrownBy(() -> reservations.ofAirline(Customers.staff("boreal", "auditor"), "aerolux", 0, 10))
        .isInstanceOf(AirlineNotFoundException.class);
    assertThatThrownBy(() -> reservations.ofAirline(Customers.staff("aerolux", "agent"), "aerolux", 0, 10))
        .isInstanceOf(ForbiddenProblem.class);
    assertThatThrownBy(() -> reservations.ofAirline(customer, "aerolux", 0, 10)).isInstanceOf(ForbiddenProblem.class);
  }

  private TicketCreated available(String airline) {
    TicketCreated ticket = Replicas.availableTicket(airline);
    Replicas.apply(context, ticket);
    return ticket;
  }

  /** Stand-in for the payments service's future event: payment started. */
  private void startPayment(UUID orderId) {
    new TransactionTemplate(transactions).executeWithoutResult(status ->
        orders.findById(orderId).orElseThrow().awaitPayment(Instant.now()));
  }

  /** The expiration service's deadline, applied by the real listener in a transaction as the inbox does. */
  private void expire(OrderResponse order) {
    new TransactionTemplate(transactions).executeWithoutResult(status ->
        expiry.on(new OrderExpired(order.id(), 0, order.airline(), order.expiresAt())));
  }

  private long ordersOf(TicketCreated ticket) {
    return jdbc.sql("SELECT count(*) FROM orders WHERE ticket_id = ?").param(ticket.ticketId().toString())
        .query(Long.class).single();
  }

  private List<String> eventsOf(UUID orderId) {
    return jdbc.sql("SELECT event_type, aggregate_version FROM airtix_outbox WHERE aggregate_id = ? ORDER BY position")
        .param(orderId.toString()).query((row, n) -> row.getString(1) + ":" + row.getLong(2)).list();
  }
}
