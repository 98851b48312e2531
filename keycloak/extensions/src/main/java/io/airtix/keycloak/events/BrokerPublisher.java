package io.airtix.keycloak.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends committed events to the broker from one thread of its own, with publisher confirms.
 *
 * <p>Keycloak's request threads only hand events over ({@link #send}), so a slow or absent broker
 * never holds up a login. The publishing thread owns the one connection and channel (channels are
 * not shared between threads), publishes in the order events were handed over, and takes an event
 * off its buffer only once the broker confirmed it. While the broker is unreachable events wait in
 * the buffer, and the thread retries with a growing pause (up to {@link
 * BrokerSettings#maxRetryDelay()}). A batch that was sent but not confirmed is sent again: delivery
 * is at least once, consumers ignore an event id they already applied.
 *
 * <p>The buffer lives in Keycloak's memory: events still in it when Keycloak stops are lost, and
 * beyond {@link BrokerSettings#bufferSize()} waiting events the oldest are dropped (both logged
 * with their ids).
 */
final class BrokerPublisher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BrokerPublisher.class);
  private static final int BATCH = 100;
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(250);

  private final BrokerSettings settings;
  private final LinkedBlockingDeque<OutgoingEvent> buffer = new LinkedBlockingDeque<>();
  private final Thread thread;
  private volatile boolean running = true;
  private Connection connection;
  private Channel channel;

  BrokerPublisher(BrokerSettings settings) {
    this.settings = settings;
    this.thread = new Thread(this::run, "airtix-event-publisher");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues the events for the broker; returns at once. */
  void send(List<OutgoingEvent> events) {
    for (OutgoingEvent event : events) {
      buffer.offerLast(event);
      while (buffer.size() > settings.bufferSize()) {
        OutgoingEvent dropped = buffer.pollFirst();
        if (dropped != null) {
          LOG.errorf(
              "Event buffer full (%d): dropped event %s (%s) that the broker never confirmed",
              settings.bufferSize(), dropped.id(), dropped.type());
        }
      }
    }
  }

  /** Events handed over and not yet confirmed by the broker. */
  int waiting() {
    return buffer.size();
  }

  private void run() {
    Duration retryDelay = FIRST_RETRY_DELAY;
    while (running) {
      try {
        OutgoingEvent first = buffer.pollFirst(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        buffer.offerFirst(first);
        List<OutgoingEvent> batch = peekBatch();
        publishConfirmed(batch);
        batch.forEach(buffer::removeFirstOccurrence);
        retryDelay = FIRST_RETRY_DELAY;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | TimeoutException | RuntimeException e) {
        LOG.warnf(
            "Broker %s not reachable or did not confirm (%s); %d events wait, next try in %d ms",
            settings, e.toString(), buffer.size(), retryDelay.toMillis());
        disconnect();
        if (!pause(retryDelay)) {
          return;
        }
        retryDelay = min(retryDelay.multipliedBy(2), settings.maxRetryDelay());
      }
    }
  }

  private List<OutgoingEvent> peekBatch() {
    List<OutgoingEvent> batch = new ArrayList<>(BATCH);
    for (OutgoingEvent event : buffer) {
      batch.add(event);
      if (batch.size() == BATCH) {
        break;
      }
    }
    return batch;
  }

  private void publishConfirmed(List<OutgoingEvent> batch)
      throws IOException, TimeoutException, InterruptedException {
    Channel open = channel();
    for (OutgoingEvent event : batch) {
      AMQP.BasicProperties properties =
          new AMQP.BasicProperties.Builder()
              .contentType("application/json")
              .contentEncoding("UTF-8")
              .messageId(event.id().toString())
              .type(event.type())
              .appId("keycloak")
              .deliveryMode(2)
              .timestamp(new java.util.Date())
              .build();
      open.basicPublish(settings.exchange(), event.type(), false, properties, event.json());
    }
    // throws when the broker nacks any of them or does not answer in time: the whole batch is sent
    // again
    open.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
  }

  private Channel channel() throws IOException, TimeoutException {
    if (channel != null && channel.isOpen()) {
      return channel;
    }
    disconnect();
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(settings.host());
    factory.setPort(settings.port());
    factory.setUsername(settings.username());
    factory.setPassword(settings.password());
    factory.setVirtualHost(settings.virtualHost());
    factory.setConnectionTimeout(5_000);
    // this thread reconnects itself and knows what was confirmed; the client's own recovery would
    // hide that
    factory.setAutomaticRecoveryEnabled(false);
    connection = factory.newConnection("keycloak-airtix-events");
    channel = connection.createChannel();
    channel.confirmSelect();
    // the same declaration as the platform's (durable topic), so whoever comes first creates it
    channel.exchangeDeclare(settings.exchange(), BuiltinExchangeType.TOPIC, true, false, null);
    LOG.infof("Publishing user events to %s", settings);
    return channel;
  }

  private void disconnect() {
    try {
      if (connection != null && connection.isOpen()) {
        connection.close(2_000);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debugf("closing the broker connection failed: %s", e);
    }
    connection = null;
    channel = null;
  }

  private boolean pause(Duration delay) {
    try {
      TimeUnit.MILLISECONDS.sleep(delay.toMillis());
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Stops after the batch in flight; waits a little for events still buffered to go out. */
  @Override
  public void close() {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!buffer.isEmpty() && System.nanoTime() < deadline && thread.isAlive()) {
      try {
        thread.join(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!buffer.isEmpty()) {
      LOG.errorf(
          "Keycloak stops with %d user events the broker never confirmed; they are lost: %s",
          buffer.size(), buffer.stream().map(event -> event.id() + " " + event.type()).toList());
    }
    disconnect();
  }
}
