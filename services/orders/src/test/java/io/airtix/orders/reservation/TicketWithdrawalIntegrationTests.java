package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketDeleted;
import io.airtix.orders.ticketreplica.Replicas;
import java.io.IOException;
import java.nio.file.Files;
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
 * A ticket withdrawn by its airline while an order here holds it (the order was made before the
 * tickets service heard of it): applying the withdrawal ends the order and publishes the
 * cancellation, even when its payment started (a payment that goes through is refunded).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"airtix.messaging.outbox.relay=false", "airtix.messaging.inbox.enabled=false"})
@DirtiesContext
class TicketWithdrawalIntegrationTests {

  @Autowired Reservations reservations;

  @Autowired OrderRepository orders;

  @Autowired ApplicationContext context;

  @Autowired JdbcClient jdbc;

  @Autowired PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void scratchDataDir(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("airtix-ticket-withdrawal").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @Test
  void cancelsTheOrderHoldingAWithdrawnTicketAndPublishesTheCancellation() {
    TicketCreated ticket = available();
    OrderResponse held = reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket));
    OrderResponse otherTicketsOrder =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(available()));

    Replicas.apply(context, withdrawn(ticket));

    Order cancelled = orders.findById(held.id()).orElseThrow();
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.cancellationReason()).isEqualTo(CancellationReason.TICKET_WITHDRAWN);
    assertThat(eventsOf(held.id())).containsExactly("order.created", "order.cancelled");
    assertThat(orders.findById(otherTicketsOrder.id()).orElseThrow().status())
        .isEqualTo(OrderStatus.CREATED);
    assertThat(eventsOf(otherTicketsOrder.id())).containsExactly("order.created");
  }

  @Test
  void endsAnOrderWhosePaymentStartedAsWell() {
    TicketCreated ticket = available();
    OrderResponse paying =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket));
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> orders.findById(paying.id()).orElseThrow().awaitPayment(Instant.now()));

    Replicas.apply(context, withdrawn(ticket));

    Order ended = orders.findById(paying.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(ended.cancellationReason()).isEqualTo(CancellationReason.TICKET_WITHDRAWN);
    assertThat(eventsOf(paying.id())).containsExactly("order.created", "order.cancelled");
  }

  @Test
  void leavesOrdersThatEndedAlreadyAsTheyAre() {
    TicketCreated ticket = available();
    var customer = Customers.newCustomer();
    OrderResponse order = reservations.reserve(customer, OrderMother.reserve(ticket));
    reservations.cancel(customer, order.id());

    Replicas.apply(context, withdrawn(ticket));

    assertThat(orders.findById(order.id()).orElseThrow().cancellationReason())
        .isEqualTo(CancellationReason.CUSTOMER);
    assertThat(eventsOf(order.id())).containsExactly("order.created", "order.cancelled");
  }

  private TicketCreated available() {
    TicketCreated ticket = Replicas.availableTicket("aerolux");
    Replicas.apply(context, ticket);
    return ticket;
  }

  private static TicketDeleted withdrawn(TicketCreated ticket) {
    return new TicketDeleted(ticket.ticketId(), 1, ticket.airline());
  }

  private List<String> eventsOf(UUID orderId) {
    return jdbc.sql("SELECT event_type FROM airtix_outbox WHERE aggregate_id = ? ORDER BY position")
        .param(orderId.toString())
        .query(String.class)
        .list();
  }
}
