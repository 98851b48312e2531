package io.airtix.platform.denylist;

import io.airtix.events.EventEnvelope;
import io.airtix.platform.messaging.EventJson;
import io.airtix.platform.messaging.MalformedEventException;
import io.airtix.platform.messaging.QueueConsumers;
import java.util.List;
import org.aopalliance.aop.Advice;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds deny-lists from Keycloak's events: {@code user.banned}, {@code user.deleted}, {@code
 * user.roles-withdrawn}, {@code user.credentials-changed}, {@code session.ended} and {@code
 * realm.logged-out}. Needs no database and no inbox: entering a ban twice changes nothing, so
 * redeliveries and duplicates are harmless.
 *
 * <p>Two feeds per instance at most. The instance's own queue feeds its copy in memory, which
 * cannot fail; a message there that is no event is logged and dropped. The service's durable queue
 * feeds the durable copy in Redis, then the copy in memory: a write Redis refuses is tried again
 * with backoff for minutes ({@code retries}), then the event goes to the service's dead-letter
 * queue, as does a message that is no event.
 */
final class DenyListFeed implements SmartLifecycle, MessageListener {

  private static final Logger LOG = LoggerFactory.getLogger(DenyListFeed.class);

  /**
   * Before the web server takes requests, and before {@link StoredBans} reads the durable copy: a
   * ban published while the copy is read then reaches the instance anyway.
   */
  static final int PHASE = StoredBans.PHASE - 1;

  private final ConnectionFactory connections;
  private final String queue;
  private final EventJson json;
  private final List<DenyList> targets;
  private final @Nullable Advice retries;

  /**
   * The realm whose tokens the service accepts; a sign-out of everybody in another realm is none of
   * its business.
   */
  private final @Nullable String realm;

  private volatile @Nullable SimpleMessageListenerContainer container;

  /**
   * @param targets the deny-lists each event enters, in this order
   * @param retries tries again what a target refused and dead-letters what it keeps refusing; null
   *     for targets that cannot fail
   */
  DenyListFeed(
      ConnectionFactory connections,
      String queue,
      EventJson json,
      List<DenyList> targets,
      @Nullable String realm,
      @Nullable Advice retries) {
    this.connections = connections;
    this.queue = queue;
    this.json = json;
    this.targets = List.copyOf(targets);
    this.realm = realm;
    this.retries = retries;
  }

  @Override
  public void onMessage(Message message) {
    EventEnvelope<Object> event;
    try {
      event = json.read(message.getBody());
    } catch (RuntimeException malformed) {
      if (retries != null) {
        throw new MalformedEventException("No user event on " + queue, malformed);
      }
      LOG.error(
          "Dropped a message on the deny-list queue that is no user event: {}",
          malformed.getMessage());
      return;
    }
    apply(event);
  }

  void apply(EventEnvelope<?> event) {
    String refused = null;
    for (DenyList target : targets) {
      refused = DenyListEvents.apply(event, target, realm);
    }
    if (refused != null) {
      LOG.info("Deny-list ({}): {}", queue, refused);
    }
  }

  @Override
  public void start() {
    SimpleMessageListenerContainer consumer =
        QueueConsumers.of(connections, queue, this, "airtix-deny-list");
    if (retries != null) {
      consumer.setAdviceChain(retries);
    }
    container = QueueConsumers.start(consumer);
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

  @Override
  public int getPhase() {
    return PHASE;
  }
}
