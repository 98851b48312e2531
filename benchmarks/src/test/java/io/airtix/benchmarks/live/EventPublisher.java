package io.airtix.benchmarks.live;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import io.airtix.events.broker.BrokerNames;
import io.airtix.events.tickets.TicketUpdated;
import io.airtix.platform.messaging.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes price changes ({@code ticket.updated}) of the run's tickets to the backbone's exchange
 * exactly as the tickets service does: the envelope as JSON ({@link EventJson}), the type as
 * routing key, persistent, {@code occurredAt} set the moment it is published. Tickets take turns;
 * each ticket's versions count 1, 2, 3, … so that subscribers can tell a lost message.
 */
final class EventPublisher implements AutoCloseable {

  static final String AIRLINE = "aerolux";
  private static final Instant DEPARTURE = Instant.parse("2027-03-14T09:30:00Z");
  private static final AMQP.BasicProperties PERSISTENT_JSON =
      new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build();

  private final Connection connection;
  private final Channel channel;
  private final EventJson json = new EventJson(EventTypes.AIRTIX);
  private final List<UUID> tickets;
  private final long[] versions;
  private long next;

  EventPublisher(LiveBenchSettings settings, List<UUID> tickets) {
    this.tickets = tickets;
    this.versions = new long[tickets.size()];
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(settings.brokerHost());
    factory.setPort(settings.brokerPort());
    factory.setUsername(settings.brokerUsername());
    factory.setPassword(settings.brokerPassword());
    factory.setVirtualHost(settings.brokerVirtualHost());
    try {
      connection = factory.newConnection("airtix-live-benchmark");
      channel = connection.createChannel();
      // as the live service declares it: nothing new if it runs
      channel.exchangeDeclare(BrokerNames.EVENTS_EXCHANGE, "topic", true);
    } catch (IOException | TimeoutException failed) {
      throw new IllegalStateException("Cannot publish to RabbitMQ", failed);
    }
  }

  /**
   * Publishes {@code rate} events a second for {@code duration}, on schedule (one late is sent at
   * once, the next ones keep to the schedule).
   *
   * @return how many were published
   */
  long publish(int rate, Duration duration) {
    long count = rate * duration.toSeconds();
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (long i = 0; i < count; i++) {
      long wait = start + i * period - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      publishNext();
    }
    return count;
  }

  private void publishNext() {
    int index = (int) (next++ % tickets.size());
    long version = ++versions[index];
    TicketUpdated change =
        new TicketUpdated(
            tickets.get(index),
            version,
            AIRLINE,
            "LX401",
            "LUX",
            "CDG",
            DEPARTURE,
            "ECONOMY",
            "12A",
            BigDecimal.valueOf(10_000 + version % 5_000, 2),
            "EUR",
            "AVAILABLE");
    EventEnvelope<TicketUpdated> envelope = EventEnvelope.wrap(change, Instant.now());
    try {
      channel.basicPublish(
          BrokerNames.EVENTS_EXCHANGE,
          envelope.type(),
          PERSISTENT_JSON,
          json.write(envelope).getBytes(StandardCharsets.UTF_8));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** Events published so far of the ticket at {@code index}. */
  long published(int index) {
    return versions[index];
  }

  long published() {
    return next;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (IOException closing) {
      // the run is over either way
    }
  }
}
