package io.airtix.platform.denylist;

import io.airtix.events.EventEnvelope;
import io.airtix.platform.messaging.EventJson;
import io.airtix.platform.messaging.QueueConsumers;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds the {@link DenyList} from Keycloak's events: {@code user.banned}, {@code user.deleted},
 * {@code user.roles-withdrawn}, {@code session.ended} and {@code realm.logged-out}. Needs no
 * database and no inbox: entering a ban twice changes nothing, so redeliveries and duplicates are
 * harmless, and a message that is no event is logged and dropped (a ban is never worth blocking the
 * queue for).
 */
final class DenyListFeed implements SmartLifecycle, MessageListener {

  static final List<String> TYPES = DenyListEvents.TYPES;

  private static final Logger LOG = LoggerFactory.getLogger(DenyListFeed.class);

  private final ConnectionFactory connections;
  private final String queue;
  private final EventJson json;
  private final DenyList denyList;

  /**
   * The realm whose tokens the service accepts; a sign-out of everybody in another realm is none of
   * its business.
   */
  private final String realm;

  private volatile SimpleMessageListenerContainer container;

  DenyListFeed(
      ConnectionFactory connections,
      String queue,
      EventJson json,
      DenyList denyList,
      String realm) {
    this.connections = connections;
    this.queue = queue;
    this.json = json;
    this.denyList = denyList;
    this.realm = realm;
  }

  @Override
  public void onMessage(Message message) {
    EventEnvelope<Object> event;
    try {
      event = json.read(message.getBody());
    } catch (RuntimeException malformed) {
      LOG.error(
          "Dropped a message on the deny-list queue that is no user event: {}",
          malformed.getMessage());
      return;
    }
    apply(event);
  }

  void apply(EventEnvelope<?> event) {
    String refused = DenyListEvents.apply(event, denyList, realm);
    if (refused != null) {
      LOG.info("Deny-list: {}", refused);
    }
  }

  @Override
  public void start() {
    SimpleMessageListenerContainer started =
        QueueConsumers.start(QueueConsumers.of(connections, queue, this, "airtix-deny-list"));
    container = started;
  }

  @Override
  public void stop() {
    SimpleMessageListenerContainer running = container;
    container = null;
    QueueConsumers.stop(running);
  }

  @Override
  public boolean isRunning() {
    return container != null;
  }
}
