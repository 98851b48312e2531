package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.reservations.ReservationRefused;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.orders.ticketreplica.Replicas;
import io.airtix.platform.security.AirtixPrincipal;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
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
 * The tickets service refuses a reservation whose ticket changed or went away before it heard of
 * the order: the order ends with the reason the customer is told, in whatever state its payment
 * left it, and a paid one is then refunded like any cancelled order.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"airtix.messaging.outbox.relay=false", "airtix.messaging.inbox.enabled=false"})
@DirtiesContext
class CatalogueRefusalsIntegrationTests {

  private static final BigDecimal NEW_PRICE = new BigDecimal("139.90");

  @Autowired Reservations reservations;

  @Autowired OrderPayments payments;

  @Autowired CatalogueRefusals refusals;

  @Autowired OrderRepository orders;

  @Autowired ApplicationContext context;

  @Autowired JdbcClient jdbc;

  @Autowired PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void scratchDataDir(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("airtix-catalogue-refusals").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @Test
  void namesTheVersionOfTheTicketTheCustomerSawInTheOrdersCreation() {
    TicketCreated ticket = available();
    Replicas.apply(context, Replicas.changed(ticket, 1, ticket.price(), "AVAILABLE"));
    Replicas.apply(context, Replicas.changed(ticket, 2, ticket.price(), "AVAILABLE"));

    OrderResponse order =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket));

    assertThat(bodiesOf(order.id(), "order.created"))
        .singleElement()
        .satisfies(body -> assertThat(body).contains("\"ticketVersion\":2"));
  }

  @Test
  void endsAnOrderRefusedForAnotherPriceWithThePriceChangeAsItsReason() {
    TicketCreated ticket = available();
    OrderResponse order =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket));

    refuse(
        ReservationRefused.changed(order.id(), ticket.ticketId(), "aerolux", 1, NEW_PRICE, "EUR"));

    assertEnded(order, CancellationReason.PRICE_CHANGED);
    assertThat(bodiesOf(order.id(), "order.cancelled"))
        .singleElement()
        .satisfies(body -> assertThat(body).contains("\"reason\":\"PRICE_CHANGED\""));
  }

  @Test
  void endsAnOrderWhoseTicketChangedAtTheSamePriceWithTheChangeAsItsReason() {
    TicketCreated ticket = available();
    OrderResponse order =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket));

    refuse(
        ReservationRefused.changed(
            order.id(), ticket.ticketId(), "aerolux", 1, new BigDecimal("129.9"), "EUR"));

    assertEnded(order, CancellationReason.TICKET_CHANGED);
  }

  @Test
  void endsAnOrderWhoseTicketWasWithdrawn() {
    TicketCreated ticket = available();
    OrderResponse order =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket));

    refuse(ReservationRefused.withdrawn(order.id(), ticket.ticketId(), "aerolux"));

    assertEnded(order, CancellationReason.TICKET_WITHDRAWN);
  }

  @Test
  void endsAnOrderPaidBeforeTheRefusalCameAndTakesTheRefundOfItsPayment() {
    TicketCreated ticket = available();
    OrderResponse order =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket));
    UUID payment = UUID.randomUUID();
    payments.started(order.id(), payment);
    payments.succeeded(order.id(), payment);

    refuse(
        ReservationRefused.changed(order.id(), ticket.ticketId(), "aerolux", 1, NEW_PRICE, "EUR"));
    payments.refunded(order.id(), payment, "re_1");

    Order refunded = assertEnded(order, CancellationReason.PRICE_CHANGED);
    assertThat(refunded.refundedAt()).isNotNull();
    assertThat(eventsOf(order.id()))
        .containsExactly(
            "order.created",
            "order.awaiting-payment",
            "order.completed",
            "order.cancelled",
            "order.refunded");
  }

  @Test
  void leavesAnOrderThatEndedAlreadyAsItIs() {
    TicketCreated ticket = available();
    AirtixPrincipal customer = Customers.newCustomer();
    OrderResponse order = reservations.reserve(customer, OrderMother.reserve(ticket));
    reservations.cancel(customer, order.id());

    refuse(ReservationRefused.withdrawn(order.id(), ticket.ticketId(), "aerolux"));

    assertEnded(order, CancellationReason.CUSTOMER);
    assertThat(eventsOf(order.id())).containsExactly("order.created", "order.cancelled");
  }

  private TicketCreated available() {
    TicketCreated ticket = Replicas.availableTicket("aerolux");
    Replicas.apply(context, ticket);
    return ticket;
  }

  /** Applies the refusal through the real listener, in a transaction as the inbox would. */
  private void refuse(ReservationRefused refusal) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> refusals.on(refusal));
  }

  private Order assertEnded(OrderResponse order, CancellationReason reason) {
    Order ended = orders.findById(order.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(ended.cancellationReason()).isEqualTo(reason);
    return ended;
  }

  private List<String> eventsOf(UUID orderId) {
    return jdbc.sql("SELECT event_type FROM airtix_outbox WHERE aggregate_id = ? ORDER BY position")
        .param(orderId.toString())
        .query(String.class)
        .list();
  }

  private List<String> bodiesOf(UUID orderId, String type) {
    return jdbc.sql(
            "SELECT body FROM airtix_outbox WHERE aggregate_id = ? AND event_type = ?"
                + " ORDER BY position")
        .param(orderId.toString())
        .param(type)
        .query(String.class)
        .list();
  }
}
