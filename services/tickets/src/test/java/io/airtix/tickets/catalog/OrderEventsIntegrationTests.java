package io.airtix.tickets.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue's reactions to order events, through the real listener in a transaction as the
 * inbox runs it, on SQLite: each transition is a new version of the ticket's row, and none
 * publishes an event (the orders service decided it); the ticket's next own change still follows
 * its last published version. An order that saw another version of its ticket, or a ticket that is
 * gone, is refused instead.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"airtix.messaging.outbox.relay=false", "airtix.messaging.inbox.enabled=false"})
@DirtiesContext
class OrderEventsIntegrationTests {

  private static final AtomicInteger SEATS = new AtomicInteger();

  @Autowired OrderEvents listener;

  @Autowired TicketRepository tickets;

  @Autowired JdbcClient jdbc;

  @Autowired PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void scratchDataDir(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("airtix-ticket-order-events").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @Test
  void reservesReleasesAndSellsPublishingNothing() {
    Ticket ticket = forSale();
    OrderCreated first = created(UUID.randomUUID(), ticket);
    OrderCreated second = created(UUID.randomUUID(), ticket);

    apply(() -> listener.on(first));
    assertThat(statusOf(ticket)).isEqualTo(TicketStatus.RESERVED);
    apply(() -> listener.on(cancelled(second, OrderCancelled.CUSTOMER)));
    assertThat(statusOf(ticket))
        .as("another order's cancellation")
        .isEqualTo(TicketStatus.RESERVED);
    apply(() -> listener.on(cancelled(first, OrderCancelled.EXPIRED)));
    assertThat(statusOf(ticket)).isEqualTo(TicketStatus.AVAILABLE);
    apply(() -> listener.on(second));
    apply(() -> listener.on(completed(second)));

    assertThat(statusOf(ticket)).isEqualTo(TicketStatus.SOLD);
    assertThat(tickets.findById(ticket.id()).orElseThrow().version()).isEqualTo(4);
    assertThat(updatesOf(ticket)).isEmpty();
  }

  @Test
  void publishesTheRevisionAfterAHoldAsTheNextVersionOfItsEvents() {
    Ticket ticket =
        tickets.saveAndFlush(
            TicketMother.ticket("aerolux", "31F", "LUX", "CDG", TicketMother.nextWeek()));
    OrderCreated order = created(UUID.randomUUID(), ticket);
    apply(() -> listener.on(order));
    apply(() -> listener.on(cancelled(order, OrderCancelled.CUSTOMER)));

    apply(
        () -> {
          Ticket held = tickets.findById(ticket.id()).orElseThrow();
          held.revise(
              new TicketDetails(
                  "LX777",
                  "LUX",
                  "CDG",
                  TicketMother.nextWeek(),
                  Cabin.ECONOMY,
                  "31F",
                  new BigDecimal("139.90"),
                  "EUR"),
              Instant.now());
          assertThat(held.updated().version()).isEqualTo(1);
        });

    assertThat(tickets.findById(ticket.id()).orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void refusesAnOrderThatSawAnEarlierVersionOfItsTicketAndLeavesTheTicketForSale() {
    Ticket ticket = forSale();
    OrderCreated sawTheOldPrice = created(UUID.randomUUID(), ticket);
    reprice(ticket, "139.90");

    apply(() -> listener.on(sawTheOldPrice));

    assertThat(statusOf(ticket)).isEqualTo(TicketStatus.AVAILABLE);
    assertThat(refusalsOf(sawTheOldPrice.orderId()))
        .singleElement()
        .satisfies(
            refusal ->
                assertThat(refusal)
                    .contains("\"reason\":\"TICKET_CHANGED\"")
                    .contains("\"ticketVersion\":1")
                    .contains("\"price\":139.90")
                    .contains("\"ticketId\":\"" + ticket.id() + "\""));
  }

  @Test
  void refusesAnOrderFirstHeardOfOnItsCompletionWithoutSellingTheTicket() {
    Ticket ticket = forSale();
    OrderCreated sawTheOldPrice = created(UUID.randomUUID(), ticket);
    reprice(ticket, "139.90");

    // its creation was overtaken, and is ignored when it comes
    apply(() -> listener.on(completed(sawTheOldPrice)));
    apply(() -> listener.on(cancelled(sawTheOldPrice, "PRICE_CHANGED")));

    assertThat(statusOf(ticket)).isEqualTo(TicketStatus.AVAILABLE);
    assertThat(refusalsOf(sawTheOldPrice.orderId())).hasSize(1);
  }

  @Test
  void takesAnOrderThatNamesNoVersionAtItsWord() {
    Ticket ticket = forSale();
    reprice(ticket, "139.90");
    OrderCreated before = created(UUID.randomUUID(), ticket);
    OrderCreated madeBeforeOrdersNamedAVersion =
        new OrderCreated(
            before.orderId(),
            0,
            before.ticketId(),
            before.airline(),
            before.customerId(),
            before.price(),
            before.currency(),
            before.expiresAt(),
            null);

    apply(() -> listener.on(madeBeforeOrdersNamedAVersion));

    assertThat(statusOf(ticket)).isEqualTo(TicketStatus.RESERVED);
    assertThat(refusalsOf(before.orderId())).isEmpty();
  }

  @Test
  void refusesAnOrderOfATicketThatWasWithdrawn() {
    Ticket withdrawn = TicketMother.availableTicket("aerolux");
    OrderCreated order = created(UUID.randomUUID(), withdrawn);

    apply(() -> listener.on(order));

    assertThat(tickets.findById(withdrawn.id())).isEmpty();
    assertThat(updatesOf(withdrawn)).isEmpty();
    assertThat(refusalsOf(order.orderId()))
        .singleElement()
        .satisfies(refusal -> assertThat(refusal).contains("\"reason\":\"TICKET_WITHDRAWN\""));
  }

  // a seat of its own per test: the catalogue holds one ticket per seat of a flight
  private Ticket forSale() {
    return tickets.saveAndFlush(
        TicketMother.ticket(
            "aerolux", SEATS.incrementAndGet() + "A", "LUX", "CDG", TicketMother.nextWeek()));
  }

  private void reprice(Ticket ticket, String price) {
    apply(
        () -> {
          Ticket saved = tickets.findById(ticket.id()).orElseThrow();
          saved.revise(
              new TicketDetails(
                  saved.flightNumber(),
                  saved.origin(),
                  saved.destination(),
                  saved.departureTime(),
                  saved.cabin(),
                  saved.seat(),
                  new BigDecimal(price),
                  saved.currency()),
              Instant.now());
        });
  }

  /** The bodies of the reservation.refused events of the order in the outbox. */
  private List<String> refusalsOf(UUID order) {
    return jdbc.sql(
            "SELECT body FROM airtix_outbox WHERE aggregate_id = ? "
                + "AND event_type = 'reservation.refused' ORDER BY position")
        .param(order.toString())
        .query(String.class)
        .list();
  }

  private static OrderCreated created(UUID order, Ticket ticket) {
    return new OrderCreated(
        order,
        0,
        ticket.id(),
        ticket.airline(),
        UUID.randomUUID().toString(),
        ticket.price(),
        ticket.currency(),
        Instant.now().plus(Duration.ofMinutes(15)),
        ticket.eventVersion());
  }

  /** Version 1 of the order: it ended without a sale. */
  private static OrderCancelled cancelled(OrderCreated order, String reason) {
    return new OrderCancelled(
        order.orderId(), 1, order.ticketId(), order.airline(), order.customerId(), reason);
  }

  /** Version 2 of the order: paid, payment having started in between. */
  private static OrderCompleted completed(OrderCreated order) {
    return new OrderCompleted(
        order.orderId(),
        2,
        order.ticketId(),
        order.airline(),
        order.customerId(),
        order.ticketVersion());
  }

  private void apply(Runnable event) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> event.run());
  }

  private TicketStatus statusOf(Ticket ticket) {
    return tickets.findById(ticket.id()).orElseThrow().status();
  }

  /** The ticket.updated events in the outbox, as version:status. */
  private List<String> updatesOf(Ticket ticket) {
    return jdbc.sql(
            "SELECT aggregate_version, body FROM airtix_outbox WHERE aggregate_id = ? "
                + "AND event_type = 'ticket.updated' ORDER BY position")
        .param(ticket.id().toString())
        .query(
            (row, n) ->
                row.getLong(1)
                    + ":"
                    + row.getString(2).replaceAll(".*\"status\":\"([A-Z]+)\".*", "$1"))
        .list();
  }
}
