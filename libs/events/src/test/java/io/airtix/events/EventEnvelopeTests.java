package io.airtix.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketDeleted;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTests {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void wrapsTicketEventWithItsTypeAggregateVersionAndTenant() {
    UUID ticketId = UUID.randomUUID();
    TicketCreated created =
        new TicketCreated(
            ticketId,
            0,
            "aerolux",
            "LX123",
            "LUX",
            "CDG",
            NOW.plusSeconds(86_400),
            "ECONOMY",
            "12A",
            new BigDecimal("129.90"),
            "EUR",
            "AVAILABLE");

    EventEnvelope<TicketCreated> envelope = EventEnvelope.wrap(created, NOW);

    assertThat(envelope.type()).isEqualTo("ticket.created");
    assertThat(envelope.aggregateId()).isEqualTo(ticketId.toString());
    assertThat(envelope.aggregateVersion()).isZero();
    assertThat(envelope.tenant()).isEqualTo("aerolux");
    assertThat(envelope.occurredAt()).isEqualTo(NOW);
    assertThat(envelope.payload()).isSameAs(created);
  }

  @Test
  void givesEveryWrappedEventItsOwnId() {
    TicketDeleted deleted = new TicketDeleted(UUID.randomUUID(), 3, "aerolux");

    assertThat(EventEnvelope.wrap(deleted, NOW).id())
        .isNotEqualTo(EventEnvelope.wrap(deleted, NOW).id());
  }

  @Test
  void rejectsNegativeVersionAndMissingTenant() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new EventEnvelope<>(
                    UUID.randomUUID(), "ticket.deleted", "x", -1, "aerolux", NOW, "payload"));
    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new EventEnvelope<>(
                    UUID.randomUUID(), "ticket.deleted", "x", 0, null, NOW, "payload"));
  }
}
