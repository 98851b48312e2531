package io.airtix.platform.denylist;

import io.airtix.events.EventEnvelope;
import io.airtix.events.users.RealmLoggedOut;
import io.airtix.events.users.SessionEnded;
import io.airtix.events.users.UserBanned;
import io.airtix.events.users.UserDeleted;
import io.airtix.events.users.UserRolesWithdrawn;
import io.airtix.platform.messaging.EventJson;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
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

  static final List<String> TYPES =
      List.of(
          UserBanned.TYPE,
          UserDeleted.TYPE,
          UserRolesWithdrawn.TYPE,
          SessionEnded.TYPE,
          RealmLoggedOut.TYPE);

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
    Object payload = event.payload();
    if (payload instanceof UserBanned banned) {
      denyList.denyUser(banned.userId(), event.occurredAt());
      LOG.info("Deny-list: tokens of user {} refused ({})", banned.userId(), banned.reason());
    } else if (payload instanceof UserDeleted deleted) {
      denyList.denyUser(deleted.userId(), event.occurredAt());
      LOG.info("Deny-list: tokens of user {} refused (account deleted)", deleted.userId());
    } else if (payload instanceof UserRolesWithdrawn withdrawn) {
      denyList.denyUser(withdrawn.userId(), event.occurredAt());
      LOG.info(
          "Deny-list: tokens of user {} issued up to {} refused (rights withdrawn)",
          withdrawn.userId(),
          event.occurredAt());
    } else if (payload instanceof SessionEnded ended && ended.sessionId() != null) {
      denyList.denySession(ended.sessionId(), event.occurredAt());
      LOG.info("Deny-list: tokens of session {} refused ({})", ended.sessionId(), ended.reason());
    } else if (payload instanceof SessionEnded ended) {
      denyList.denyUser(ended.userId(), event.occurredAt());
      LOG.info(
          "Deny-list: tokens of user {} refused (all sessions, {})",
          ended.userId(),
          ended.reason());
    } else if (payload instanceof RealmLoggedOut loggedOut && loggedOut.realm().equals(realm)) {
      denyList.denyEveryone(event.occurredAt());
      LOG.info(
          "Deny-list: every token issued up to {} refused (everybody signed out)",
          event.occurredAt());
    }
  }

  @Override
  public void start() {
    SimpleMessageListenerContainer started = new SimpleMessageListenerContainer(connections);
    started.setQueueNames(queue);
    started.setMessageListener(this);
    started.setAcknowledgeMode(AcknowledgeMode.AUTO);
    started.setDefaultRequeueRejected(false);
    // the queue is declared when the connection opens; a broker that is not up yet is waited for
    started.setMissingQueuesFatal(false);
    started.setBeanName("airtix-deny-list");
    started.afterPropertiesSet();
    started.start();
    container = started;
  }

  @Override
  public void stop() {
    SimpleMessageListenerContainer running = container;
    container = null;
    if (running != null) {
      running.stop();
      running.destroy();
    }
  }

  @Override
  public boolean isRunning() {
    return container != null;
  }
}
