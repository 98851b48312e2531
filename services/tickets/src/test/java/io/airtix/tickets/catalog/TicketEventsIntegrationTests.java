package io.airtix.tickets.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tickets service publishes its events through the outbox to RabbitMQ: what a consumer bound to
 * the events exchange receives for changes made over the service's API, and that writes go on while
 * RabbitMQ is down.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class TicketEventsIntegrationTests {

  private static final Duration DELIVERY = Duration.ofSeconds(30);
  private static final JsonMapper json = JsonMapper.builder().build();
  private static final AtomicInteger seats = new AtomicInteger();

  private static TicketEventsObserver observer;

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void rabbitMqAndScratchDatabase(DynamicPropertyRegistry registry) throws Exception {
    observer = new TicketEventsObserver();
    String dataDir = Files.createTempDirectory("airtix-ticket-events").toString();
    registry.add("airtix.data-dir", () -> dataDir);
    registry.add("spring.rabbitmq.host", () -> TicketEventsObserver.HOST);
    registry.add("spring.rabbitmq.port", () -> TicketEventsObserver.PORT);
    registry.add("airtix.messaging.exchange", observer::exchange);
    registry.add("airtix.messaging.service", observer::service);
    // retry quickly once RabbitMQ is back
    registry.add("airtix.messaging.outbox.initial-backoff", () -> "200ms");
    registry.add("airtix.messaging.outbox.max-backoff", () -> "1s");
  }

  @AfterAll
  static void deleteQueues() {
    if (observer != null) {
      observer.close();
    }
  }

  @Test
  void publishesTicketCreatedThenTicketUpdatedWithVersionsZeroAndOne() throws Exception {
    JsonNode ticket = create();
    String id = ticket.path("id").asString();
    update(id, 0);

    await().atMost(DELIVERY).until(() -> observer.eventsOf(id).size() == 2);
    List<JsonNode> events = observer.eventsOf(id);
    JsonNode created = events.get(0);
    assertThat(created.path("type").asString()).isEqualTo("ticket.created");
    assertThat(created.path("aggregateVersion").asLong()).isZero();
    assertThat(created.path("tenant").asString()).isEqualTo("aerolux");
    assertThat(created.path("occurredAt").asString()).endsWith("Z");
    assertThat(created.path("payload").path("ticketId").asString()).isEqualTo(id);
    assertThat(created.path("payload").path("flightNumber").asString()).isEqualTo("LX123");
    assertThat(created.path("payload").path("price").decimalValue()).isEqualByComparingTo("129.90");
    assertThat(created.path("payload").path("status").asString()).isEqualTo("AVAILABLE");
    assertThat(propertyNames(created))
        .containsExactly(
            "id", "type", "aggregateId", "aggregateVersion", "tenant", "occurredAt", "payload");
    JsonNode updated = events.get(1);
    assertThat(updated.path("type").asString()).isEqualTo("ticket.updated");
    assertThat(updated.path("aggregateVersion").asLong()).isEqualTo(1);
    assertThat(updated.path("payload").path("cabin").asString()).isEqualTo("BUSINESS");
    assertThat(updated.path("payload").path("price").decimalValue()).isEqualByComparingTo("499.00");
  }

  @Test
  void putsTheTypeOnTheWireButNoJavaClassName() throws Exception {
    String id = create().path("id").asString();

    await().atMost(DELIVERY).until(() -> observer.eventsOf(id).size() == 1);
    Message message =
        observer.messages().stream()
            .filter(
                received ->
                    TicketEventsObserver.envelope(received)
                        .path("aggregateId")
                        .asString()
                        .equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("ticket.created");
    assertThat(message.getMessageProperties().getType()).isEqualTo("ticket.created");
    assertThat(message.getMessageProperties().getHeaders()).doesNotContainKey("__TypeId__");
    assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
        .doesNotContain("io.airtix")
        .doesNotContain("Ticket");
  }

  @Test
  void publishesTicketDeletedWithTheVersionAfterTheLast() throws Exception {
    String id = create().path("id").asString();
    update(id, 0);
    mvc.perform(delete("/api/tickets/" + id).with(Callers.member("aerolux", "agent")))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(204));

    await().atMost(DELIVERY).until(() -> observer.eventsOf(id).size() == 3);
    JsonNode deleted = observer.eventsOf(id).get(2);
    assertThat(deleted.path("type").asString()).isEqualTo("ticket.deleted");
    assertThat(deleted.path("aggregateVersion").asLong()).isEqualTo(2);
  }

  @Test
  void keepsAcceptingTicketsWhileRabbitMqIsDownAndDeliversEachEventOnceItIsBack() throws Exception {
    List<String> ids = new ArrayList<>();
    TicketEventsObserver.rabbitmqctl("stop_app");
    try {
      for (int i = 0; i < 5; i++) {
        ids.add(create().path("id").asString());
      }
    } finally {
      TicketEventsObserver.rabbitmqctl("start_app");
    }

    await()
        .atMost(DELIVERY)
        .until(() -> ids.stream().allMatch(id -> observer.eventsOf(id).size() == 1));
    Set<String> eventIds = new HashSet<>();
    for (String id : ids) {
      JsonNode created = observer.eventsOf(id).get(0);
      assertThat(created.path("type").asString()).isEqualTo("ticket.created");
      assertThat(eventIds.add(created.path("id").asString())).isTrue();
    }
    // nothing comes twice, even later
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> ids.stream().allMatch(id -> observer.eventsOf(id).size() == 1));
  }

  private JsonNode create() throws Exception {
    String body =
        """
        {"airline":"aerolux","flightNumber":"LX123","origin":"LUX","destination":"CDG",
         "departureTime":"%s","cabin":"ECONOMY","seat":"%dA","price":129.90,"currency":"EUR"}
        """
            .formatted(TicketMother.nextWeek(), seats.incrementAndGet());
    MvcResult result =
        mvc.perform(
                post("/api/tickets")
                    .with(Callers.member("aerolux", "agent"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(201);
    return json.readTree(result.getResponse().getContentAsString());
  }

  private void update(String id, long version) throws Exception {
    String body =
        """
        {"flightNumber":"LX124","origin":"LUX","destination":"LHR","departureTime":"%s","cabin":"BUSINESS",
         "seat":"%dC","price":499.00,"currency":"EUR","version":%d}
        """
            .formatted(
                TicketMother.nextWeek().plus(Duration.ofDays(1)), seats.incrementAndGet(), version);
    MvcResult result =
        mvc.perform(
                put("/api/tickets/" + id)
                    .with(Callers.member("aerolux", "agent"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(200);
  }

  private static List<String> propertyNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
