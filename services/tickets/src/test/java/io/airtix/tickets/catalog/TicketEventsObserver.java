package io.airtix.tickets.catalog;

import io.airtix.events.broker.BrokerNames;
import io.airtix.testing.services.TestServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer bound to a test's own events exchange on the machine's RabbitMQ, as the orders service
 * will be: a durable queue (it survives a broker restart) bound to {@code ticket.#}. Keeps every
 * message it receives. It names the tickets service under test too ({@link #service()}), so that
 * service consumes from queues of its own, never from what other runs left in {@code
 * tickets.events}. Closing it deletes its queue, the service's and the exchange. A RabbitMQ that
 * does not answer fails the test.
 */
final class TicketEventsObserver implements AutoCloseable {

  static final String HOST = TestServices.rabbitMq().host();
  static final int PORT = TestServices.rabbitMq().port();

  private static final JsonMapper json = JsonMapper.builder().build();

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String exchange = "test.events." + run;
  private final String queue = exchange + ".observer";
  private final String service = "tickets-" + run;
  private final CachingConnectionFactory connections;
  private final RabbitAdmin admin;
  private final SimpleMessageListenerContainer container;
  private final List<Message> received = new CopyOnWriteArrayList<>();

  TicketEventsObserver() {
    requireRabbitMq();
    connections = new CachingConnectionFactory(HOST, PORT);
    admin = new RabbitAdmin(connections);
    TopicExchange events = new TopicExchange(exchange, true, false);
    Queue observed = new Queue(queue, true, false, false);
    admin.declareExchange(events);
    admin.declareQueue(observed);
    admin.declareBinding(BindingBuilder.bind(observed).to(events).with("ticket.#"));
    container = new SimpleMessageListenerContainer(connections);
    container.setQueueNames(queue);
    container.setMessageListener(received::add);
    // comes back quickly after a broker restart
    container.setRecoveryInterval(500);
    container.afterPropertiesSet();
    container.start();
  }

  String exchange() {
    return exchange;
  }

  /** The name the tickets service under test runs as ({@code airtix.messaging.service}). */
  String service() {
    return service;
  }

  List<Message> messages() {
    return List.copyOf(received);
  }

  /** Envelopes received for one ticket, in arrival order. */
  List<JsonNode> eventsOf(String ticketId) {
    return received.stream()
        .map(TicketEventsObserver::envelope)
        .filter(envelope -> envelope.path("aggregateId").asString().equals(ticketId))
        .toList();
  }

  List<JsonNode> envelopes() {
    return received.stream().map(TicketEventsObserver::envelope).toList();
  }

  static JsonNode envelope(Message message) {
    return json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    container.stop();
    container.destroy();
    admin.deleteQueue(queue);
    admin.deleteQueue(BrokerNames.eventQueue(service));
    admin.deleteQueue(BrokerNames.deadLetterQueue(service));
    admin.deleteExchange(BrokerNames.deadLetterExchange(service));
    admin.deleteExchange(exchange);
    connections.destroy();
  }

  private static void requireRabbitMq() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 2_000);
    } catch (IOException ex) {
      throw new IllegalStateException(
          "RabbitMQ is required by this test and does not answer at "
              + HOST
              + ":"
              + PORT
              + " ("
              + ex.getMessage()
              + "). Start RabbitMQ (guest/guest) or set RABBITMQ_HOST/RABBITMQ_PORT.",
          ex);
    }
  }

  /**
   * Runs {@code rabbitmqctl} on the tests' RabbitMQ, for outage tests; fails the test if it cannot.
   */
  static void rabbitmqctl(String command) {
    TestServices.rabbitMq().ctl(command);
  }
}
