package io.airtix.live;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The subscription matrix, like the services' isolation matrices: every kind of subscriber asks for
 * every channel; those allowed receive, during one mixed scenario of two airlines and two
 * customers, exactly the messages meant for them (asserted, so a channel that delivers nothing
 * fails), and every message that arrived on any connection is checked to be that subscriber's
 * business.
 */
@ExtendWith(KeycloakExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveSubscriptionMatrixIntegrationTests {

  static final Duration SOON = Duration.ofSeconds(5);

  private static final KeycloakServer keycloak = LiveTestService.keycloak();
  private static final KeycloakEventBroker broker = LiveTestService.BROKER;
  private static final String X = "matrix-x-" + Long.toString(System.nanoTime(), 36);
  private static final String Y = "matrix-y-" + Long.toString(System.nanoTime(), 36);

  private final Map<String, String> tokens = new HashMap<>();

  @LocalServerPort int port;

  @Autowired AmqpAdmin admin;

  @Autowired Declarables liveFeedTopology;

  @DynamicPropertySource
  static void keycloakAndBroker(DynamicPropertyRegistry registry) {
    LiveTestService.register(registry);
  }

  /** Who subscribes, and the token they bring (null: anonymous). */
  record Subscriber(String name, TestUser user) {}

  @Test
  void everySubscriberReceivesItsOwnBusinessAndNothingElse() {
    awaitFeed();
    TestUser alice = keycloak.createUser(TestUsers.customer());
    TestUser bob = keycloak.createUser(TestUsers.customer());
    List<Subscriber> subscribers =
        List.of(
            new Subscriber("anonymous", null),
            new Subscriber("customer alice", alice),
            new Subscriber("customer bob", bob),
            new Subscriber("agent of X", keycloak.createUser(TestUsers.member(X, "agent"))),
            new Subscriber(
                "tenant admin of X", keycloak.createUser(TestUsers.member(X, "tenant-admin"))),
            new Subscriber("auditor of X", keycloak.createUser(TestUsers.member(X, "auditor"))),
            new Subscriber("agent of Y", keycloak.createUser(TestUsers.member(Y, "agent"))));
    List<String> channels = List.of("catalogue", "orders", "airline:" + X, "airline:" + Y);

    // who may follow what; everything else is refused at connect
    Map<String, Integer> expectedStatus = new LinkedHashMap<>();
    for (Subscriber subscriber : subscribers) {
      for (String channel : channels) {
        expectedStatus.put(key(subscriber, channel), status(subscriber, channel));
      }
    }

    Map<String, LiveStreamClient> open = new LinkedHashMap<>();
    List<String> refusals = new ArrayList<>();
    try {
      for (Subscriber subscriber : subscribers) {
        for (String channel : channels) {
          String filter = channel.equals("catalogue") ? "&airline=" + X + "&airline=" + Y : "";
          LiveStreamClient client = stream("?channel=" + channel + filter, subscriber);
          int expected = expectedStatus.get(key(subscriber, channel));
          if (client.status() != expected) {
            refusals.add(
                key(subscriber, channel) + ": " + client.status() + " instead of " + expected);
          }
          if (client.status() == 200) {
            client.await("welcome", SOON);
            open.put(key(subscriber, channel), client);
          } else {
            client.close();
          }
        }
      }
      assertThat(refusals).as("answers at connect").isEmpty();

      TicketCreated ticketOfX = EventMother.ticket(X);
      TicketCreated ticketOfY = EventMother.ticket(Y);
      OrderCreated aliceAtX = EventMother.order(ticketOfX, alice.id());
      OrderCreated bobAtY = EventMother.order(ticketOfY, bob.id());
      try (Backbone backbone = new Backbone(broker)) {
        backbone.publish(ticketOfX);
        backbone.publish(ticketOfY);
        backbone.publish(aliceAtX);
        backbone.publish(bobAtY);
        backbone.publish(EventMother.paymentStarted(aliceAtX));
        backbone.publish(EventMother.completed(aliceAtX));
        backbone.publish(EventMother.expired(bobAtY));
        backbone.publish(EventMother.staffChanged(X, "agent"));
        backbone.publish(EventMother.updated(ticketOfY, "80.00"));
      }

      List<String> catalogue =
          List.of(
              "ticket.published",
              "ticket.published",
              "ticket.held",
              "ticket.held",
              "ticket.sold",
              "ticket.released",
              "ticket.changed");
      List<String> staffOfX =
          List.of("ticket.created", "order.created", "payment.started", "order.completed");
      Map<String, List<String>> expected = new LinkedHashMap<>();
      for (Subscriber subscriber : subscribers) {
        expected.put(key(subscriber, "catalogue"), catalogue);
      }
      expected.put(key(subscribers.get(1), "orders"), List.of("order.held", "payment.succeeded"));
      expected.put(key(subscribers.get(2), "orders"), List.of("order.held", "order.expired"));
      for (Subscriber staff : subscribers.subList(3, 7)) {
        // staff hold the customer role too, but ordered nothing here
        expected.put(key(staff, "orders"), List.of());
      }
      // X's agent, auditor and tenant admin all read its tickets, orders and payments (decision
      // 0035)
      expected.put(key(subscribers.get(3), "airline:" + X), staffOfX);
      // of X's staff, only its tenant admin may read its staff
      List<String> tenantAdminOfX = new ArrayList<>(staffOfX);
      tenantAdminOfX.add("staff.changed");
      expected.put(key(subscribers.get(4), "airline:" + X), tenantAdminOfX);
      expected.put(key(subscribers.get(5), "airline:" + X), staffOfX);
      expected.put(
          key(subscribers.get(6), "airline:" + Y),
          List.of("ticket.created", "order.created", "order.cancelled", "ticket.updated"));
      assertThat(open.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());

      Awaitility.await("every subscriber has its messages")
          .atMost(SOON)
          .untilAsserted(
              () -> {
                for (Map.Entry<String, List<String>> subscription : expected.entrySet()) {
                  assertThat(types(open.get(subscription.getKey())))
                      .as(subscription.getKey())
                      .containsExactlyInAnyOrderElementsOf(subscription.getValue());
                }
              });

      for (Map.Entry<String, LiveStreamClient> connection : open.entrySet()) {
        String subscription = connection.getKey();
        for (Received message : connection.getValue().all()) {
          String text = message.message().toString();
          if (message.channel().equals("catalogue")) {
            assertThat(text).as(subscription).doesNotContain(alice.id(), bob.id(), "customerId");
          } else if (subscription.startsWith("customer alice")) {
            assertThat(text).as(subscription).doesNotContain(bob.id(), bobAtY.orderId().toString());
          } else if (subscription.startsWith("customer bob")) {
            assertThat(text)
                .as(subscription)
                .doesNotContain(alice.id(), aliceAtX.orderId().toString());
          }
          if (message.channel().startsWith("airline:")) {
            assertThat(message.channel())
                .as(subscription)
                .isEqualTo(subscription.substring(subscription.indexOf("airline:")));
            assertThat("airline:" + message.data().path("airline").asString())
                .as(subscription)
                .isEqualTo(message.channel());
            assertThat(text).as(subscription).doesNotContain("clientSecret", "_secret_");
          }
        }
      }
    } finally {
      open.values().forEach(LiveStreamClient::close);
    }
  }

  private static int status(Subscriber subscriber, String channel) {
    if (channel.equals("catalogue")) {
      return 200;
    }
    if (subscriber.user() == null) {
      return 401;
    }
    if (channel.equals("orders")) {
      // every account holds the realm's default roles, customer among them
      return 200;
    }
    String airline = channel.substring("airline:".length());
    return subscriber.name().endsWith("of " + (airline.equals(X) ? "X" : "Y")) ? 200 : 403;
  }

  private static String key(Subscriber subscriber, String channel) {
    return subscriber.name() + " → " + channel;
  }

  private LiveStreamClient stream(String query, Subscriber subscriber) {
    // one sign-in per subscriber for all its channels: a sign-in costs Keycloak a password hash
    String token =
        subscriber.user() == null
            ? null
            : tokens.computeIfAbsent(
                subscriber.name(), name -> keycloak.login(subscriber.user()).accessToken());
    Map<String, String> headers =
        token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    return LiveStreamClient.open(
        URI.create("http://localhost:" + port + "/api/live/stream" + query), headers);
  }

  private void awaitFeed() {
    LiveTestService.awaitFeed(admin, liveFeedTopology);
  }

  /** The types of the messages with a position (not about the connection), in order. */
  static List<String> types(LiveStreamClient client) {
    return client.all().stream()
        .filter(message -> message.position() != null)
        .map(Received::type)
        .toList();
  }
}
