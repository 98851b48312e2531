package io.airtix.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.EventEnvelope;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakExtension;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.live.LiveStreamClient;
import io.airtix.testing.live.Received;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scale-out through the broker: two instances of the live service on one RabbitMQ, each with a
 * queue of its own, both deliver every event to their own clients; when one stops, its clients come
 * back to the other with their last position and miss nothing, and a pass one instance issued opens
 * a stream on the other.
 */
@ExtendWith(KeycloakExtension.class)
class TwoInstancesIntegrationTests {

  static final Duration SOON = Duration.ofSeconds(5);

  private static final KeycloakServer keycloak = LiveTestService.keycloak();
  private static final KeycloakEventBroker broker = LiveTestService.BROKER;
  private static final String AIRLINE = "twin-" + Long.toString(System.nanoTime(), 36);

  private final String passKey = randomKey();
  private ConfigurableApplicationContext first;
  private ConfigurableApplicationContext second;

  @AfterEach
  void stopInstances() {
    for (ConfigurableApplicationContext instance :
        new ConfigurableApplicationContext[] {first, second}) {
      if (instance != null && instance.isActive()) {
        instance.close();
      }
    }
  }

  @Test
  void bothInstancesDeliverAndAClientOfAStoppedOneResumesOnTheOther() throws Exception {
    first = start();
    second = start();
    TicketCreated ticket = EventMother.ticket(AIRLINE);
    try (Backbone backbone = new Backbone(broker);
        LiveStreamClient onFirst = stream(first, "?ticket=" + ticket.ticketId(), Map.of());
        LiveStreamClient onSecond = stream(second, "?ticket=" + ticket.ticketId(), Map.of())) {
      onFirst.await("welcome", SOON);
      onSecond.await("welcome", SOON);

      EventEnvelope<TicketCreated> published = backbone.publish(ticket);
      onFirst.await("ticket.published", SOON);
      onSecond.await("ticket.published", SOON);

      first.close();
      Received goodbye = onFirst.await("goodbye", SOON);
      assertThat(goodbye.data().path("reason").asString()).isEqualTo("shutting-down");
      Awaitility.await().atMost(SOON).until(onFirst::isEnded);

      OrderCreated order = EventMother.order(ticket, "someone");
      backbone.publish(order);
      backbone.publish(EventMother.expired(order));
      onSecond.await("ticket.released", SOON);

      try (LiveStreamClient back =
          stream(
              second,
              "?ticket=" + ticket.ticketId(),
              Map.of("Last-Event-ID", published.id().toString()))) {
        back.await("ticket.released", SOON);
        assertThat(
                back.all().stream()
                    .filter(message -> message.position() != null)
                    .map(Received::type)
                    .toList())
            .isEqualTo(List.of("ticket.held", "ticket.released"));
      }
    }
  }

  @Test
  void aPassOneInstanceIssuedOpensAStreamOnTheOther() throws Exception {
    first = start();
    second = start();
    TestUser traveller = keycloak.createUser(TestUsers.customer());
    String token = keycloak.login(traveller).accessToken();

    HttpResponse<String> issued =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base(first) + "/api/live/passes"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String pass = JsonMapper.builder().build().readTree(issued.body()).path("pass").asString();

    try (LiveStreamClient onSecond = stream(second, "?channel=orders&pass=" + pass, Map.of())) {
      assertThat(onSecond.status()).isEqualTo(200);
      onSecond.await("welcome", SOON);
    }
  }

  private ConfigurableApplicationContext start() {
    List<String> arguments = new ArrayList<>();
    // arguments, not default properties: they must win over live.yaml's ports
    arguments.add("--server.port=0");
    arguments.add("--management.server.port=0");
    arguments.add("--airtix.live.pass-key=" + passKey);
    LiveTestService.settings().forEach((name, value) -> arguments.add("--" + name + "=" + value));
    ConfigurableApplicationContext instance =
        new SpringApplicationBuilder(LiveApplication.class).run(arguments.toArray(String[]::new));
    LiveTestService.awaitFeed(
        instance.getBean(AmqpAdmin.class), instance.getBean("liveFeedTopology", Declarables.class));
    return instance;
  }

  private static LiveStreamClient stream(
      ConfigurableApplicationContext instance, String query, Map<String, String> headers) {
    return LiveStreamClient.open(URI.create(base(instance) + "/api/live/stream" + query), headers);
  }

  private static String base(ConfigurableApplicationContext instance) {
    int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
    return "http://localhost:" + port;
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
