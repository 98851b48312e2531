package io.airtix.tickets.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.airtix.tickets.TicketsApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instance that committed ticket changes and stopped before its relay published them (here: its
 * relay is off, as if killed right after the commits). A fresh instance on the same database
 * publishes every one of them, each once.
 */
class TicketEventsAfterCrashIntegrationTests {

  private static final JsonMapper json = JsonMapper.builder().build();

  @Test
  void freshInstancePublishesWhatTheStoppedOneCommittedButNeverSent() throws Exception {
    Path dataDir = Files.createTempDirectory("airtix-ticket-crash");
    try (TicketEventsObserver observer = new TicketEventsObserver()) {
      List<String> ids;
      try (ConfigurableApplicationContext crashed = start(dataDir, observer, false)) {
        MockMvc mvc = mvc(crashed);
        ids = List.of(create(mvc, 1), create(mvc, 2), create(mvc, 3));
        update(mvc, ids.get(0));
        assertThat(pending(crashed)).isEqualTo(4);
      }
      assertThat(observer.messages()).isEmpty();

      try (ConfigurableApplicationContext restarted = start(dataDir, observer, true)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> observer.messages().size() >= 4);
        // anything sent twice would show up within the relay's next polls
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> observer.messages().size() == 4);
        assertThat(pending(restarted)).isZero();
      }

      Map<String, Long> perEventId =
          observer.envelopes().stream()
              .collect(
                  Collectors.groupingBy(
                      envelope -> envelope.path("id").asString(), Collectors.counting()));
      assertThat(perEventId)
          .hasSize(4)
          .allSatisfy((eventId, count) -> assertThat(count).isEqualTo(1));
      Map<String, List<String>> typesPerTicket =
          observer.envelopes().stream()
              .collect(
                  Collectors.groupingBy(
                      envelope -> envelope.path("aggregateId").asString(),
                      Collectors.mapping(
                          envelope -> envelope.path("type").asString(), Collectors.toList())));
      assertThat(typesPerTicket.get(ids.get(0)))
          .containsExactly("ticket.created", "ticket.updated");
      assertThat(typesPerTicket.get(ids.get(1))).containsExactly("ticket.created");
      assertThat(typesPerTicket.get(ids.get(2))).containsExactly("ticket.created");
    }
  }

  private static ConfigurableApplicationContext start(
      Path dataDir, TicketEventsObserver observer, boolean relay) {
    return new SpringApplicationBuilder(TicketsApplication.class)
        .run(
            "--server.port=0",
            "--management.server.port=0",
            "--airtix.data-dir=" + dataDir,
            "--spring.rabbitmq.host=" + TicketEventsObserver.HOST,
            "--spring.rabbitmq.port=" + TicketEventsObserver.PORT,
            "--airtix.messaging.exchange=" + observer.exchange(),
            "--airtix.messaging.service=" + observer.service(),
            "--airtix.messaging.outbox.relay=" + relay);
  }

  private static MockMvc mvc(ConfigurableApplicationContext context) {
    return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
        .apply(springSecurity())
        .build();
  }

  private static long pending(ConfigurableApplicationContext context) {
    return JdbcClient.create(context.getBean(DataSource.class))
        .sql("SELECT COUNT(*) FROM airtix_outbox WHERE status = 'PENDING'")
        .query(Long.class)
        .single();
  }

  private static String create(MockMvc mvc, int row) throws Exception {
    String body =
        """
        {"airline":"aerolux","flightNumber":"LX123","origin":"LUX","destination":"CDG",
         "departureTime":"%s","cabin":"ECONOMY","seat":"%dA","price":129.90,"currency":"EUR"}
        """
            .formatted(TicketMother.nextWeek(), row);
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
    return json.readTree(result.getResponse().getContentAsString()).path("id").asString();
  }

  private static void update(MockMvc mvc, String id) throws Exception {
    String body =
        """
        {"flightNumber":"LX123","origin":"LUX","destination":"CDG","departureTime":"%s","cabin":"BUSINESS",
         "seat":"30A","price":99.00,"currency":"EUR","version":0}
        """
            .formatted(TicketMother.nextWeek());
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
}
