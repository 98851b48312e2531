package io.airtix.keycloak.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import io.airtix.broker.EmbeddedBroker;
import io.airtix.events.users.UserBanned;
import io.airtix.testing.services.TestServices;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher against both brokers the platform runs on: the machine's RabbitMQ (a missing one
 * fails the test) and the standalone embedded broker, which this test can stop and start again.
 */
class BrokerPublisherIntegrationTests {

  @TempDir Path brokerDir;

  @Test
  void publishesConfirmedEventsToRabbitMq() throws Exception {
    String exchange = "test.user-events." + UUID.randomUUID();
    BrokerSettings settings = settings(rabbitMqPort(), exchange);
    try (BrokerPublisher publisher = new BrokerPublisher(settings, new InMemoryUnsentEvents());
        Subscriber subscriber = new Subscriber(settings.port(), exchange)) {
      OutgoingEvent banned = banned();

      publisher.send(List.of(banned));

      assertThat(subscriber.next()).isEqualTo(banned.text());
      Awaitility.await("confirmed")
          .atMost(Duration.ofSeconds(10))
          .until(() -> publisher.waiting() == 0);
    } finally {
      deleteExchange(rabbitMqPort(), exchange);
    }
  }

  @Test
  void keepsEventsWhileTheEmbeddedBrokerIsDownAndSendsThemWhenItIsBack() throws Exception {
    int port = freePort();
    String exchange = "airtix.events";
    EmbeddedBroker broker = EmbeddedBroker.start(brokerDir, port);
    String queue;
    try (Subscriber subscriber = new Subscriber(port, exchange)) {
      // a durable queue, so it is still there when the broker comes back
      queue = subscriber.durableQueue();
    }
    broker.close();

    try (BrokerPublisher publisher =
        new BrokerPublisher(settings(port, exchange), new InMemoryUnsentEvents())) {
      OutgoingEvent whileDown = banned();
      publisher.send(List.of(whileDown));
      Awaitility.await("publisher noticed the broker is down")
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> publisher.waiting() == 1);

      broker = EmbeddedBroker.start(brokerDir, port);
      Awaitility.await("buffered event confirmed")
          .atMost(Duration.ofSeconds(30))
          .until(() -> publisher.waiting() == 0);
      try (Subscriber subscriber = new Subscriber(port, queue, true)) {
        assertThat(subscriber.next()).isEqualTo(whileDown.text());
      }
    } finally {
      broker.close();
    }
  }

  private static OutgoingEvent banned() {
    UserBanned banned =
        new UserBanned(
            UUID.randomUUID().toString(),
            System.currentTimeMillis(),
            "airtix",
            UserBanned.Reason.DISABLED);
    return OutgoingEvent.of(banned, Instant.ofEpochMilli(banned.version()));
  }

  private static BrokerSettings settings(int port, String exchange) {
    return new BrokerSettings(
        true,
        "127.0.0.1",
        port,
        "guest",
        "guest",
        "/",
        exchange,
        Duration.ofSeconds(5),
        Duration.ofSeconds(1));
  }

  /** The tests' RabbitMQ: the machine's own, or a container ({@link TestServices#rabbitMq()}). */
  static int rabbitMqPort() {
    return TestServices.rabbitMq().port();
  }

  private static void deleteExchange(int port, String exchange) throws Exception {
    try (Connection connection = factory(port).newConnection();
        Channel channel = connection.createChannel()) {
      channel.exchangeDelete(exchange);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static ConnectionFactory factory(int port) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(port);
    factory.setUsername("guest");
    factory.setPassword("guest");
    return factory;
  }

  /** A consumer of every user and session event of one exchange. */
  private static final class Subscriber implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final String exchange;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    Subscriber(int port, String exchange) throws Exception {
      this.connection = factory(port).newConnection();
      this.channel = connection.createChannel();
      this.exchange = exchange;
      channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true, false, null);
      String queue = channel.queueDeclare().getQueue();
      channel.queueBind(queue, exchange, "user.*");
      channel.queueBind(queue, exchange, "session.*");
      consume(queue);
    }

    /** Consumes an existing queue. */
    Subscriber(int port, String queue, boolean existing) throws Exception {
      this.connection = factory(port).newConnection();
      this.channel = connection.createChannel();
      this.exchange = null;
      consume(queue);
    }

    String durableQueue() throws IOException {
      String queue = "test.user-events." + UUID.randomUUID();
      channel.queueDeclare(queue, true, false, false, null);
      channel.queueBind(queue, exchange, "user.*");
      return queue;
    }

    private void consume(String queue) throws IOException {
      DeliverCallback deliver =
          (tag, delivery) -> received.add(new String(delivery.getBody(), StandardCharsets.UTF_8));
      channel.basicConsume(queue, true, deliver, tag -> {});
    }

    String next() throws InterruptedException {
      String message = received.poll(10, TimeUnit.SECONDS);
      assertThat(message).as("an event within 10 s").isNotNull();
      return message;
    }

    @Override
    public void close() throws Exception {
      connection.close();
    }
  }
}
