package io.airtix.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.events.EventTypes.UnknownEventTypeException;
import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.orders.OrderExpired;
import io.airtix.events.payments.ChargeCreated;
import io.airtix.events.payments.PaymentFailed;
import io.airtix.events.payments.PaymentRefunded;
import io.airtix.events.payments.PaymentStarted;
import io.airtix.events.reservations.ReservationRefused;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketDeleted;
import io.airtix.events.tickets.TicketUpdated;
import org.junit.jupiter.api.Test;

class EventTypesTests {

  record Probe(String id) {}

  @Test
  void mapsEveryTicketEventTypeToItsRecordAndBack() {
    assertThat(EventTypes.AIRTIX.payloadOf("ticket.created")).isEqualTo(TicketCreated.class);
    assertThat(EventTypes.AIRTIX.payloadOf("ticket.updated")).isEqualTo(TicketUpdated.class);
    assertThat(EventTypes.AIRTIX.payloadOf("ticket.deleted")).isEqualTo(TicketDeleted.class);
    assertThat(EventTypes.AIRTIX.typeOf(TicketUpdated.class)).isEqualTo(TicketUpdated.TYPE);
  }

  @Test
  void mapsEveryOrderEventTypeToItsRecordInTheOrderStream() {
    assertThat(EventTypes.AIRTIX.payloadOf("order.created")).isEqualTo(OrderCreated.class);
    assertThat(EventTypes.AIRTIX.payloadOf("order.cancelled")).isEqualTo(OrderCancelled.class);
    assertThat(EventTypes.AIRTIX.payloadOf("order.completed")).isEqualTo(OrderCompleted.class);
    assertThat(EventTypes.AIRTIX.payloadOf("order.expired")).isEqualTo(OrderExpired.class);
    assertThat(EventTypes.AIRTIX.typeOf(OrderExpired.class)).isEqualTo(OrderExpired.TYPE);
    assertThat(EventTypes.AIRTIX.types())
        .filteredOn(type -> EventTypes.streamOf(type).equals("order"))
        .containsExactly(
            "order.created",
            "order.cancelled",
            "order.completed",
            "order.awaiting-payment",
            "order.payment-failed",
            "order.refunded",
            "order.expired");
  }

  @Test
  void mapsEveryPaymentEventTypeToItsRecordInThePaymentStream() {
    assertThat(EventTypes.AIRTIX.payloadOf("payment.started")).isEqualTo(PaymentStarted.class);
    assertThat(EventTypes.AIRTIX.payloadOf("payment.failed")).isEqualTo(PaymentFailed.class);
    assertThat(EventTypes.AIRTIX.payloadOf("payment.succeeded")).isEqualTo(ChargeCreated.class);
    assertThat(EventTypes.AIRTIX.payloadOf("payment.refunded")).isEqualTo(PaymentRefunded.class);
    assertThat(EventTypes.AIRTIX.types())
        .filteredOn(type -> EventTypes.streamOf(type).equals("payment"))
        .containsExactly(
            "payment.started", "payment.failed", "payment.succeeded", "payment.refunded");
  }

  @Test
  void mapsTheCataloguesRefusalToAStreamOfItsOwnKeyedByTheOrder() {
    assertThat(EventTypes.AIRTIX.payloadOf("reservation.refused"))
        .isEqualTo(ReservationRefused.class);
    assertThat(EventTypes.AIRTIX.types())
        .filteredOn(type -> EventTypes.streamOf(type).equals("reservation"))
        .containsExactly("reservation.refused");
  }

  @Test
  void namesTheAggregateStreamByTheTypesFirstPart() {
    assertThat(EventTypes.streamOf("ticket.created")).isEqualTo("ticket");
    assertThat(EventTypes.streamOf("order.payment.failed")).isEqualTo("order");
  }

  @Test
  void refusesUnknownTypesMalformedNamesAndDoubleRegistration() {
    assertThatThrownBy(() -> EventTypes.AIRTIX.payloadOf("ticket.sold"))
        .isInstanceOf(UnknownEventTypeException.class);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventTypes.AIRTIX.with("io.airtix.Probe", Probe.class));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventTypes.AIRTIX.with("TicketCreated", Probe.class));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventTypes.AIRTIX.with("ticket.created", Probe.class));
  }

  @Test
  void extendsWithoutChangingTheOriginal() {
    EventTypes extended = EventTypes.AIRTIX.with("probe.sent", Probe.class);

    assertThat(extended.knows("probe.sent")).isTrue();
    assertThat(EventTypes.AIRTIX.knows("probe.sent")).isFalse();
  }
}
