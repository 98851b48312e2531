package io.airtix.live.message;

import static io.airtix.live.EventMother.AEROLUX;
import static io.airtix.live.EventMother.OCCURRED;
import static io.airtix.live.EventMother.awaitingPayment;
import static io.airtix.live.EventMother.cancelled;
import static io.airtix.live.EventMother.charged;
import static io.airtix.live.EventMother.completed;
import static io.airtix.live.EventMother.deleted;
import static io.airtix.live.EventMother.envelope;
import static io.airtix.live.EventMother.order;
import static io.airtix.live.EventMother.paymentFailed;
import static io.airtix.live.EventMother.paymentRefunded;
import static io.airtix.live.EventMother.paymentRefused;
import static io.airtix.live.EventMother.paymentStarted;
import static io.airtix.live.EventMother.refunded;
import static io.airtix.live.EventMother.staffChanged;
import static io.airtix.live.EventMother.ticket;
import static io.airtix.live.EventMother.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.airtix.events.AggregateEvent;
import io.airtix.events.EventEnvelope;
import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.users.UserBanned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventTranslationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ALICE = "alice-5d1e3c";
  private static final LocalDate DEPARTURE_DAY = LocalDate.parse("2027-03-14");

  private final TicketFacts tickets = new TicketFacts();
  private final EventTranslation translation = new EventTranslation(new MessageJson(), tickets);

  @Test
  void publishesANewTicketToTheCatalogueAndToItsAirlinesTicketReaders() {
    TicketCreated ticket = ticket();
    EventEnvelope<TicketCreated> event = envelope(ticket);

    List<LiveMessage> messages = translation.translate(event);

    assertThat(messages)
        .extracting(LiveMessage::type, LiveMessage::audience)
        .containsExactly(
            tuple(MessageTypes.TICKET_PUBLISHED, catalogue(ticket, "LUX-CDG", DEPARTURE_DAY)),
            tuple("ticket.created", new Audience.Staff(AEROLUX, "tickets")));
    assertThat(messages).extracting(LiveMessage::position).containsOnly(event.id().toString());
    assertThat(messages).extracting(LiveMessage::at).containsOnly(OCCURRED);
    JsonNode published = json(messages.get(0));
    assertThat(published.path("type").asString()).isEqualTo(MessageTypes.TICKET_PUBLISHED);
    assertThat(published.path("position").asString()).isEqualTo(event.id().toString());
    assertThat(published.path("channel").asString()).isEqualTo("catalogue");
    assertThat(published.path("data").path("ticketId").asString())
        .isEqualTo(ticket.ticketId().toString());
    JsonNode staff = json(messages.get(1));
    assertThat(staff.path("channel").asString()).isEqualTo("airline:" + AEROLUX);
    assertThat(staff.path("data").path("seat").asString()).isEqualTo("12A");
  }

  @Test
  void announcesAChangedTicketToTheCatalogueAndToItsAirlinesTicketReaders() {
    TicketCreated ticket = ticket();
    translation.translate(envelope(ticket));

    List<LiveMessage> messages = translation.translate(envelope(updated(ticket, "120.00")));

    assertThat(messages)
        .extracting(LiveMessage::type, LiveMessage::audience)
        .containsExactly(
            tuple(MessageTypes.TICKET_CHANGED, catalogue(ticket, "LUX-CDG", DEPARTURE_DAY)),
            tuple("ticket.updated", new Audience.Staff(AEROLUX, "tickets")));
    assertThat(data(messages.get(0)).path("seat").asString()).isEqualTo("14C");
  }

  @Test
  void tellsTheCatalogueThePreviousPriceOfARepricedTicket() {
    TicketCreated ticket = ticket();
    translation.translate(envelope(ticket));

    JsonNode changed = data(translation.translate(envelope(updated(ticket, "99.50"))).get(0));

    assertThat(changed.path("price").decimalValue()).isEqualByComparingTo("99.50");
    assertThat(changed.path("previousPrice").decimalValue()).isEqualByComparingTo("120");
  }

  @Test
  void writesThePreviousPriceAsTheAirlineWroteIt() {
    TicketCreated ticket = ticket();
    translation.translate(envelope(ticket));

    LiveMessage changed = translation.translate(envelope(updated(ticket, "99.50"))).get(0);

    assertThat(changed.json()).contains("\"price\":99.50", "\"previousPrice\":120.00");
  }

  @Test
  void tellsNoPreviousPriceWhenThePriceDidNotChange() {
    TicketCreated ticket = ticket();
    translation.translate(envelope(ticket));

    JsonNode changed = data(translation.translate(envelope(updated(ticket, "120.0"))).get(0));

    assertThat(
            changed.path("previousPrice").isNull() || changed.path("previousPrice").isMissingNode())
        .as("previousPrice of %s", changed)
        .isTrue();
  }

  @Test
  void tellsNoPreviousPriceOfATicketItHasNotSeen() {
    TicketCreated unseen = ticket();

    List<LiveMessage> messages = translation.translate(envelope(updated(unseen, "99.50")));

    JsonNode changed = data(messages.get(0));
    assertThat(
            changed.path("previousPrice").isNull() || changed.path("previousPrice").isMissingNode())
        .as("previousPrice of %s", changed)
        .isTrue();
    // seen now: its route is known from this event on
    assertThat(messages.get(0).audience()).isEqualTo(catalogue(unseen, "LUX-CDG", DEPARTURE_DAY));
  }

  @Test
  void withdrawsADeletedTicketWhereItWasAndThenForgetsIt() {
    TicketCreated ticket = ticket();
    translation.translate(envelope(ticket));

    List<LiveMessage> messages = translation.translate(envelope(deleted(ticket)));

    assertThat(messages)
        .extracting(LiveMessage::type, LiveMessage::audience)
        .containsExactly(
            tuple(MessageTypes.TICKET_WITHDRAWN, catalogue(ticket, "LUX-CDG", DEPARTURE_DAY)),
            tuple("ticket.deleted", new Audience.Staff(AEROLUX, "tickets")));
    assertThat(tickets.size()).isZero();
    assertThat(translation.translate(envelope(order(ticket, ALICE))).get(0).audience())
        .isEqualTo(catalogue(ticket, null, null));
  }

  @Test
  void tellsTheCatalogueATicketIsHeldItsCustomerTheOrderAndTheAirlineItsOrders() {
    TicketCreated ticket = ticket();
    translation.translate(envelope(ticket));
    OrderCreated order = order(ticket, ALICE);

    List<LiveMessage> messages = translation.translate(envelope(order));

    assertThat(messages)
        .extracting(LiveMessage::type, LiveMessage::audience)
        .containsExactly(
            tuple(MessageTypes.TICKET_HELD, catalogue(ticket, "LUX-CDG", DEPARTURE_DAY)),
            tuple(MessageTypes.ORDER_HELD, new Audience.Customer(ALICE)),
            tuple("order.created", new Audience.Staff(AEROLUX, "orders")));
    JsonNode held = data(messages.get(1));
    assertThat(held.path("orderId").asString()).isEqualTo(order.orderId().toString());
    assertThat(held.path("ticketId").asString()).isEqualTo(ticket.ticketId().toString());
    assertThat(held.path("price").decimalValue()).isEqualByComparingTo("987.65");
    assertThat(held.path("currency").asString()).isEqualTo("EUR");
    assertThat(Instant.parse(held.path("expiresAt").asString())).isEqualTo(order.expiresAt());
    assertThat(json(messages.get(1)).path("channel").asString()).isEqualTo("orders");
  }

  @Test
  void neverTellsTheCatalogueWhoHoldsOrBoughtATicketNorForHowMuch() {
    TicketCreated ticket = ticket();
    translation.translate(envelope(ticket));
    OrderCreated order = order(ticket, ALICE);
    UUID payment = UUID.randomUUID();

    List<LiveMessage> catalogue =
        List.<AggregateEvent>of(
                order,
                awaitingPayment(order, payment),
                paymentFailed(order, payment),
                completed(order),
                refunded(order, payment),
                cancelled(order, OrderCancelled.CUSTOMER),
                cancelled(order, OrderCancelled.EXPIRED))
            .stream()
            .flatMap(event -> translation.translate(envelope(event)).stream())
            .filter(message -> message.audience() instanceof Audience.Catalogue)
            .toList();

    assertThat(catalogue)
        .extracting(LiveMessage::type)
        .containsExactly(
            MessageTypes.TICKET_HELD,
            MessageTypes.TICKET_SOLD,
            MessageTypes.TICKET_RELEASED,
            MessageTypes.TICKET_RELEASED);
    assertThat(catalogue)
        .allSatisfy(
            message -> {
              assertThat(message.json())
                  .doesNotContain(
                      ALICE, order.orderId().toString(), payment.toString(), "987.65", "customer");
              assertThat(data(message).propertyNames()).containsExactly("ticketId", "airline");
            });
  }

  @ParameterizedTest(name = "cancelled because {0}: {1}")
  @CsvSource({
    "CUSTOMER, order.cancelled",
    "EXPIRED, order.expired",
    "UNPAID, order.expired",
    "PRICE_CHANGED, order.cancelled",
    "TICKET_CHANGED, order.cancelled",
    "TICKET_WITHDRAWN, order.cancelled"
  })
  void tellsTheCustomerWhyTheirOrderWasCancelled(String reason, String customerType) {
    TicketCreated ticket = ticket();
    OrderCreated order = order(ticket, ALICE);

    List<LiveMessage> messages = translation.translate(envelope(cancelled(order, reason)));

    assertThat(messages)
        .extracting(LiveMessage::type, LiveMessage::audience)
        .containsExactly(
            tuple(MessageTypes.TICKET_RELEASED, catalogue(ticket, null, null)),
            tuple(customerType, new Audience.Customer(ALICE)),
            tuple("order.cancelled", new Audience.Staff(AEROLUX, "orders")));
    assertThat(data(messages.get(1)).path("reason").asString()).isEqualTo(reason);
  }

  @Test
  void tellsTheCustomerTheirOrderAwaitsPaymentAndNothingToTheCatalogue() {
    OrderCreated order = order(ticket(), ALICE);
    UUID payment = UUID.randomUUID();

    List<LiveMessage> messages = translation.translate(envelope(awaitingPayment(order, payment)));

    assertThat(messages)
        .extracting(LiveMessage::type, LiveMessage::audience)
        .containsExactly(
            tuple(MessageTypes.ORDER_AWAITING_PAYMENT, new Audience.Customer(ALICE)),
            tuple("order.awaiting-payment", new Audience.Staff(AEROLUX, "orders")));
    assertThat(data(messages.get(0)).path("paymentId").asString()).isEqualTo(payment.toString());
  }

  @Test
  void tellsTheCatalogueATicketIsSoldAndTheCustomerTheirPaymentSucceeded() {
    TicketCreated ticket = ticket();
    OrderCreated order = order(ticket, ALICE);

    List<LiveMessage> messages = translation.translate(envelope(completed(order)));

    assertThat(messages)
        .extracting(LiveMessage::type, LiveMessage::audience)
        .containsExactly(
            tuple(MessageTypes.TICKET_SOLD, catalogue(ticket, null, null)),
            tuple(MessageTypes.PAYMENT_SUCCEEDED, new Audience.Customer(ALICE)),
            tuple("order.completed", new Audience.Staff(AEROLUX, "orders")));
    assertThat(data(messages.get(1)).path("orderId").asString())
        .isEqualTo(order.orderId().toString());
  }

  @Test
  void tellsTheCustomerTheirPaymentFailed() {
    OrderCreated order = order(ticket(), ALICE);
    UUID payment = UUID.randomUUID();

    List<LiveMessage> messages = translation.translate(envelope(paymentFailed(order, payment)));

    assertThat(messages)
        .extracting(LiveMessage::type, LiveMessage::audience)
        .containsExactly(
            tuple(MessageTypes.PAYMENT_FAILED, new Audience.Customer(ALICE)),
            tuple("order.payment-failed", new Audience.Staff(AEROLUX, "orders")));
    assertThat(data(messages.get(0)).path("paymentId").asString()).isEqualTo(payment.toString());
  }

  @Test
  void tellsTheCustomerTheirOrderWasRefunded() {
    OrderCreated order = order(ticket(), ALICE);
    UUID payment = UUID.randomUUID();

    List<LiveMessage> messages = translation.translate(envelope(refunded(order, payment)));

    assertThat(messages)
        .extracting(LiveMessage::type, LiveMessage::audience)
        .containsExactly(
            tuple(MessageTypes.ORDER_REFUNDED, new Audience.Customer(ALICE)),
            tuple("order.refunded", new Audience.Staff(AEROLUX, "orders")));
    assertThat(data(messages.get(0)).path("refundId").asString()).isEqualTo("re_123");
    assertThat(data(messages.get(0)).path("paymentId").asString()).isEqualTo(payment.toString());
  }

  @Test
  void tellsPaymentEventsToTheAirlinesPaymentReadersOnly() {
    OrderCreated order = order(ticket(), ALICE);

    for (AggregateEvent payment :
        List.<AggregateEvent>of(
            paymentStarted(order), paymentRefused(order), charged(order), paymentRefunded(order))) {
      EventEnvelope<AggregateEvent> event = envelope(payment);

      assertThat(translation.translate(event))
          .as(payment.eventType())
          .extracting(LiveMessage::type, LiveMessage::audience, LiveMessage::position)
          .containsExactly(
              tuple(
                  payment.eventType(),
                  new Audience.Staff(AEROLUX, "payments"),
                  event.id().toString()));
    }
  }

  @Test
  void saysNothingOfUserEvents() {
    assertThat(
            translation.translate(
                envelope(new UserBanned(ALICE, 1, "airtix", UserBanned.Reason.DISABLED))))
        .isEmpty();
  }

  @Test
  void makesNoCustomerMessageForAnOrderThatNamesNoCustomer() {
    OrderCreated order = order(ticket(), null);
    UUID payment = UUID.randomUUID();

    List<LiveMessage> messages =
        List.<AggregateEvent>of(
                order,
                awaitingPayment(order, payment),
                paymentFailed(order, payment),
                completed(order),
                refunded(order, payment),
                cancelled(order, OrderCancelled.EXPIRED))
            .stream()
            .flatMap(event -> translation.translate(envelope(event)).stream())
            .toList();

    assertThat(messages)
        .extracting(LiveMessage::type)
        .containsExactly(
            MessageTypes.TICKET_HELD,
            "order.created",
            "order.awaiting-payment",
            "order.payment-failed",
            MessageTypes.TICKET_SOLD,
            "order.completed",
            "order.refunded",
            MessageTypes.TICKET_RELEASED,
            "order.cancelled");
    assertThat(messages)
        .extracting(LiveMessage::audience)
        .noneMatch(audience -> audience instanceof Audience.Customer);
  }

  @Test
  void remindsEveryInstanceOfAHoldsEndAtTheSamePosition() {
    OrderCreated order = order(ticket(), ALICE);
    OrderCreated another = order(ticket(), ALICE);

    LiveMessage here = holdEnding(order, OCCURRED);
    LiveMessage there = holdEnding(order, OCCURRED.plusMillis(35));

    assertThat(here.position()).isEqualTo(there.position());
    assertThat(here.position())
        .isNotEqualTo(holdEnding(another, OCCURRED).position())
        .isNotEqualTo(order.orderId().toString());
    assertThat(here.type()).isEqualTo(MessageTypes.ORDER_HOLD_ENDING);
    assertThat(here.audience()).isEqualTo(new Audience.Customer(ALICE));
    assertThat(json(here).path("position").asString()).isEqualTo(here.position());
    assertThat(data(here).path("orderId").asString()).isEqualTo(order.orderId().toString());
    assertThat(Instant.parse(data(here).path("expiresAt").asString())).isEqualTo(order.expiresAt());
  }

  private LiveMessage holdEnding(OrderCreated order, Instant at) {
    return translation.holdEnding(
        order.orderId(),
        order.ticketId(),
        order.airline(),
        order.customerId(),
        order.expiresAt(),
        at);
  }

  private static Audience.Catalogue catalogue(TicketCreated ticket, String route, LocalDate date) {
    return new Audience.Catalogue(ticket.airline(), ticket.ticketId(), route, date);
  }

  private static JsonNode json(LiveMessage message) {
    return JSON.readTree(message.json());
  }

  private static JsonNode data(LiveMessage message) {
    return json(message).path("data");
  }

  @Test
  void tellsAStaffChangeToThoseWhoMayReadTheAirlinesStaffOnly() {
    List<LiveMessage> messages = translation.translate(envelope(staffChanged(AEROLUX, "agent")));

    assertThat(messages)
        .extracting(LiveMessage::type, LiveMessage::audience)
        .containsExactly(tuple("staff.changed", new Audience.Staff(AEROLUX, "staff")));
  }
}
