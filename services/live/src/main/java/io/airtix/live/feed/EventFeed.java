package io.airtix.live.feed;

import io.airtix.events.EventEnvelope;
import io.airtix.live.connection.Connections;
import io.airtix.live.message.EventTranslation;
import io.airtix.platform.denylist.DenyListEvents;
import io.airtix.platform.messaging.EventJson;
import io.airtix.platform.messaging.QueueConsumers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * Every event of the backbone, through this instance's own queue (see {@link FeedTopology}): order,
 * ticket and payment events become messages for the connections; Keycloak's bans and sign-outs end
 * the connections they concern. One consumer, so the journal keeps the broker's order. Nothing here
 * is worth a redelivery: a message that is no event is logged and dropped.
 */
final class EventFeed implements SmartLifecycle, MessageListener {

  private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

  private final ConnectionFactory broker;
  private final String queue;
  private final EventJson json;
  private final EventTranslation translation;
  private final HoldReminders reminders;
  private final Connections connections;
  private final @Nullable String realm;

  private volatile @Nullable SimpleMessageListenerContainer container;

  EventFeed(
      ConnectionFactory broker,
      String queue,
      EventJson json,
      EventTranslation translation,
      HoldReminders reminders,
      Connections connections,
      @Nullable String realm) {
    this.broker = broker;
    this.queue = queue;
    this.json = json;
    this.translation = translation;
    this.reminders = reminders;
    this.connections = connections;
    this.realm = realm;
  }

  @Override
  public void onMessage(Message message) {
    EventEnvelope<Object> event;
    try {
      event = json.read(message.getBody());
    } catch (RuntimeException malformed) {
      LOG.warn(
          "Dropped a message of the backbone that is no event this service reads: {}",
          malformed.getMessage());
      return;
    }
    apply(event);
  }

  void apply(EventEnvelope<?> event) {
    if (DenyListEvents.TYPES.contains(event.type())) {
      DenyListEvents.apply(event, connections.asDenyList(), realm);
      return;
    }
    connections.publish(translation.translate(event));
    reminders.on(event);
  }

  @Override
  public void start() {
    SimpleMessageListenerContainer started =
        QueueConsumers.of(broker, queue, this, "airtix-live-feed");
    // one consumer keeps the broker's order, which positions rely on
    started.setConcurrentConsumers(1);
    started.setPrefetchCount(250);
    QueueConsumers.start(started);
    container = started;
  }

  @Override
  public void stop() {
    SimpleMessageListenerContainer running = container;
    container = null;
    QueueConsumers.stop(running);
    reminders.stop();
    // the clients reconnect, to another instance if there is one, and resume where they were
    connections.endAll();
  }

  @Override
  public boolean isRunning() {
    return container != null;
  }
}
