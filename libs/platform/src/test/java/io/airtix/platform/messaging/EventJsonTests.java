package io.airtix.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import io.airtix.events.tickets.TicketCreated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTests {

  private static final UUID EVENT = UUID.fromString("6f1c1d1e-0000-4000-8000-000000000001");
  private static final UUID TICKET = UUID.fromString("6f1c1d1e-0000-4000-8000-0000000000aa");
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private final EventJson json = new EventJson(EventTypes.AIRTIX);

  private static EventEnvelope<TicketCreated> ticketCreated() {
    TicketCreated created =
        new TicketCreated(
            TICKET,
            0,
            "aerolux",
            "LX123",
            "LUX",
            "CDG",
            Instant.parse("2026-12-01T07:30:00Z"),
            "ECONOMY",
            "12A",
            new BigDecimal("129.90"),
            "EUR",
            "AVAILABLE");
    return new EventEnvelope<>(
        EVENT, TicketCreated.TYPE, TICKET.toString(), 0, "aerolux", NOW, created);
  }

  @Test
  void writesTheEnvelopeAsStableJsonWithoutJavaNames() {
    assertThat(json.write(ticketCreated()))
        .isEqualTo(
            """
        {"id":"6f1c1d1e-0000-4000-8000-000000000001","type":"ticket.created",\
        "aggregateId":"6f1c1d1e-0000-4000-8000-0000000000aa","aggregateVersion":0,"tenant":"aerolux",\
        "occurredAt":"2026-11-24T10:00:00Z","payload":{"ticketId":"6f1c1d1e-0000-4000-8000-0000000000aa",\
        "version":0,"airline":"aerolux","flightNumber":"LX123","origin":"LUX","destination":"CDG",\
        "departureTime":"2026-12-01T07:30:00Z","cabin":"ECONOMY","seat":"12A","price":129.90,"currency":"EUR",\
        "status":"AVAILABLE"}}""");
  }

  @Test
  void readsThePayloadIntoTheRecordItsTypeNames() {
    EventEnvelope<Object> read = json.read(json.write(ticketCreated()));

    assertThat(read).isEqualTo(ticketCreated());
    assertThat(read.payload()).isInstanceOf(TicketCreated.class);
  }

  @Test
  void ignoresPayloadFieldsItDoesNotKnow() {
    String newer =
        json.write(ticketCreated())
            .replace("\"status\":\"AVAILABLE\"", "\"status\":\"AVAILABLE\",\"gate\":\"B7\"");

    assertThat(json.read(newer).payload()).isEqualTo(ticketCreated().payload());
  }

  @Test
  void refusesUnknownTypesAndBrokenEnvelopes() {
    String unknown = json.write(ticketCreated()).replace("ticket.created", "ticket.sold");

    assertThatThrownBy(() -> json.read(unknown))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("ticket.sold");
    assertThatThrownBy(() -> json.read("{\"type\":\"ticket.created\"}"))
        .isInstanceOf(MalformedEventException.class);
    assertThatThrownBy(() -> json.read("not json")).isInstanceOf(MalformedEventException.class);
  }
}
