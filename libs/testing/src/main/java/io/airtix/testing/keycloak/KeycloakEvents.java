package io.airtix.testing.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The user lifecycle and staff events the test Keycloak publishes ({@code user.*}, {@code
 * session.*}, {@code realm.*}, {@code staff.*}), received as a service receives them: a queue of
 * its own on the broker of {@link KeycloakEventBroker#configured()}, bound to the exchange {@code
 * airtix.events}. Each event is kept as the JSON envelope that travelled.
 */
public final class KeycloakEvents implements AutoCloseable {

  private static final String EXCHANGE = "airtix.events";
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final List<String> mislabelled = new CopyOnWriteArrayList<>();

  private KeycloakEvents(Connection connection) {
    this.connection = connection;
  }

  /** Starts listening; only events published from now on are received. */
  public static KeycloakEvents listen() {
    KeycloakEventBroker broker = KeycloakEventBroker.configured();
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(broker.host());
    factory.setPort(broker.port());
    factory.setUsername(broker.username());
    factory.setPassword(broker.password());
    try {
      KeycloakEvents events = new KeycloakEvents(factory.newConnection("keycloak-events-test"));
      Channel channel = events.connection.createChannel();
      channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true, false, null);
      // named like the observer's queues, the only ones a standalone broker lets it declare
      String queue = "observer.keycloak-events-test." + UUID.randomUUID();
      channel.queueDeclare(queue, false, true, true, null);
      channel.queueBind(queue, EXCHANGE, "user.*");
      channel.queueBind(queue, EXCHANGE, "session.*");
      channel.queueBind(queue, EXCHANGE, "realm.*");
      channel.queueBind(queue, EXCHANGE, "staff.*");
      channel.basicConsume(
          queue,
          true,
          (tag, delivery) -> {
            JsonNode event = JSON.readTree(delivery.getBody());
            if (!event.path("type").asText().equals(delivery.getProperties().getType())) {
              events.mislabelled.add(event.path("type").asText());
            }
            events.received.add(event);
          },
          tag -> {});
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not listen to Keycloak's events at " + broker.host() + ":" + broker.port(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the broker at " + broker.host() + ":" + broker.port() + " did not answer", e);
    }
  }

  /**
   * Waits for the event of this type about this aggregate (a user id for user events, {@code
   * <airline>/<user id>} for staff events) and returns its envelope.
   */
  public JsonNode await(String type, String aggregateId) {
    return await(type, aggregateId, event -> true);
  }

  public JsonNode await(String type, String aggregateId, Predicate<JsonNode> matching) {
    Predicate<JsonNode> wanted =
        event ->
            event.path("type").asText().equals(type)
                && event.path("aggregateId").asText().equals(aggregateId)
                && matching.test(event);
    return Awaitility.await(type + " of " + aggregateId)
        .atMost(PATIENCE)
        .until(() -> received.stream().filter(wanted).findFirst(), found -> found.isPresent())
        .orElseThrow();
  }

  /**
   * Types of the events whose AMQP {@code type} property differed from the envelope's type;
   * consumers may route on either, so this stays empty.
   */
  public List<String> mislabelled() {
    return List.copyOf(mislabelled);
  }

  /** Every event received so far, oldest first. */
  public List<JsonNode> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
