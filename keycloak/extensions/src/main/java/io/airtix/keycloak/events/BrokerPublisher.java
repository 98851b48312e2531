package io.airtix.keycloak.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends committed events to the broker from one thread of its own, with publisher confirms.
 *
 * <p>Keycloak's request threads only hand events over ({@link #send}): they are written to the
 * {@link UnsentEvents} (Keycloak's database), so a slow or absent broker never holds up a login,
 * and events that wait survive a restart of Keycloak. The publishing thread owns the one connection
 * and channel (channels are not shared between threads), publishes the oldest events first, and
 * removes an event only once the broker confirmed it. While the broker is unreachable events wait,
 * and the thread retries with a growing pause (up to {@link BrokerSettings#maxRetryDelay()}). A
 * batch that was sent but not confirmed is sent again: delivery is at least once, consumers ignore
 * an event id they already applied.
 */
final class BrokerPublisher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BrokerPublisher.class);
  private static final int BATCH = 100;
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(250);

  private final BrokerSettings settings;
  private final UnsentEvents unsent;
  private final Semaphore handedOver = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running = true;
  private Connection connection;
  private Channel channel;

  BrokerPublisher(BrokerSettings settings, UnsentEvents unsent) {
    this.settings = settings;
    this.unsent = unsent;
    this.thread = new Thread(this::run, "airtix-event-publisher");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Keeps the events until the broker confirmed them and wakes the publishing thread; returns
   * without waiting for the broker.
   */
  void send(List<OutgoingEvent> events) {
    try {
      unsent.add(events);
    } catch (RuntimeException e) {
      LOG.errorf(
          e,
          "Could not keep %d events for the broker; they are lost: %s",
          events.size(),
          events.stream().map(event -> event.id() + " " + event.type()).toList());
      return;
    }
    handedOver.release();
  }

  /** Events handed over and not yet confirmed by the broker. */
  int waiting() {
    return unsent.count();
  }

  private void run() {
    Duration retryDelay = FIRST_RETRY_DELAY;
    while (running) {
      List<OutgoingEvent> batch = List.of();
      try {
        batch = unsent.oldest(BATCH);
        if (batch.isEmpty()) {
          // woken by a hand-over; otherwise looks again now and then for what another node, or the
          // previous run, left
          handedOver.tryAcquire(1, TimeUnit.SECONDS);
          handedOver.drainPermits();
          continue;
        }
        publishConfirmed(batch);
        unsent.remove(batch);
        retryDelay = FIRST_RETRY_DELAY;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | TimeoutException | RuntimeException e) {
        LOG.warnf(
            "Broker %s not reachable or did not confirm, or the unsent events could not be read"
                + " (%s); %d events wait, next try in %d ms",
            settings, e.toString(), batch.size(), retryDelay.toMillis());
        disconnect();
        if (!pause(retryDelay)) {
          return;
        }
        retryDelay = min(retryDelay.multipliedBy(2), settings.maxRetryDelay());
      }
    }
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

  /**
   * Stops after the batch in flight; what the broker has not confirmed stays in the unsent events
   * and goes out after the next start.
   */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    disconnect();
  }
}
