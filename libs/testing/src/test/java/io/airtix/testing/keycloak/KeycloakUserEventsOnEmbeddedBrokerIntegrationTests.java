package io.airtix.testing.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.airtix.broker.EmbeddedBroker;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The standalone mode's path: Keycloak publishes to the embedded broker, and an account created
 * while that broker is down reaches the platform once the broker is back, without anyone retrying
 * by hand. Runs a Keycloak of its own (the shared one publishes to RabbitMQ) pointed at an embedded
 * broker on a free port.
 */
class KeycloakUserEventsOnEmbeddedBrokerIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path brokerDir;

  @Test
  void anAccountCreatedWhileTheBrokerIsDownIsPublishedWhenItIsBack() throws Exception {
    int port = freePort();
    EmbeddedBroker broker = EmbeddedBroker.start(brokerDir, port);
    String queue = "test.user-events." + UUID.randomUUID();
    // a durable queue in the broker's store, so it is there again after the restart
    try (Connection connection = factory(port).newConnection();
        Channel channel = connection.createChannel()) {
      channel.exchangeDeclare("airtix.events", BuiltinExchangeType.TOPIC, true, false, null);
      channel.queueDeclare(queue, true, false, false, null);
      channel.queueBind(queue, "airtix.events", "user.*");
    }
    broker.close();

    String adminPassword = TestUsers.randomPassword();
    KeycloakDistribution distribution = KeycloakDistribution.fromSystemProperties();
    Path log =
        distribution
            .workDirectory()
            .resolve("logs")
            .resolve("keycloak-embedded-broker-" + ProcessHandle.current().pid() + ".log");
    KeycloakProcess keycloak = startKeycloakPublishingTo(distribution, log, port, adminPassword);
    try (Keycloak admin =
        Keycloak.getInstance(
            "http://localhost:" + keycloak.httpPort(),
            "master",
            "airtix-test-admin",
            adminPassword,
            "admin-cli")) {
      RealmRepresentation realm = new RealmRepresentation();
      realm.setRealm("airtix");
      realm.setEnabled(true);
      realm.setEventsListeners(List.of("jboss-logging", "airtix"));
      admin.realms().create(realm);
      UserRepresentation user = new UserRepresentation();
      user.setUsername("while-down-" + UUID.randomUUID().toString().substring(0, 8));
      user.setEmail(user.getUsername() + "@example.org");
      user.setEnabled(true);

      String userId;
      try (Response created = admin.realm("airtix").users().create(user)) {
        userId = CreatedResponseUtil.getCreatedId(created);
      }
      Awaitility.await("the publisher found the broker down and kept the event")
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.readString(log).contains("1 events wait"));
      broker = EmbeddedBroker.start(brokerDir, port);

      JsonNode event = JSON.readTree(nextMessage(port, queue));
      assertThat(event.path("type").asText()).isEqualTo("user.created");
      assertThat(event.path("aggregateId").asText()).isEqualTo(userId);
      assertThat(event.path("payload").path("email").asText()).isEqualTo(user.getEmail());
    } finally {
      keycloak.stop();
      broker.close();
    }
  }

  private static KeycloakProcess startKeycloakPublishingTo(
      KeycloakDistribution distribution, Path log, int brokerPort, String adminPassword)
      throws IOException {
    String previousHost = System.setProperty(KeycloakEventBroker.HOST_PROPERTY, "127.0.0.1");
    String previousPort =
        System.setProperty(KeycloakEventBroker.PORT_PROPERTY, String.valueOf(brokerPort));
    try (FileChannel lock = distribution.lock()) {
      distribution.unpackOnce();
      distribution.installExtension();
      return KeycloakProcess.start(distribution.home(), log, "airtix-test-admin", adminPassword);
    } finally {
      restore(KeycloakEventBroker.HOST_PROPERTY, previousHost);
      restore(KeycloakEventBroker.PORT_PROPERTY, previousPort);
    }
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }

  private static String nextMessage(int port, String queue) throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    try (Connection connection = factory(port).newConnection();
        Channel channel = connection.createChannel()) {
      channel.basicConsume(
          queue,
          true,
          (tag, delivery) -> received.add(new String(delivery.getBody(), StandardCharsets.UTF_8)),
          tag -> {});
      // the publisher retries with a pause that doubles up to 30 s while the broker is down
      String message = received.poll(90, TimeUnit.SECONDS);
      assertThat(message).as("the event, published once the broker is back").isNotNull();
      return message;
    }
  }

  private static ConnectionFactory factory(int port) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(port);
    factory.setUsername("guest");
    factory.setPassword("guest");
    // a broker that has just started on a machine busy with Keycloak answers its first handshakes
    // slowly
    factory.setConnectionTimeout(30_000);
    factory.setHandshakeTimeout(60_000);
    return factory;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
