package io.airtix.platform.messaging;

import java.util.Set;
import java.util.TreeSet;
import org.aopalliance.aop.Advice;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes the service's queue into the {@link EventInbox}, if the service has any {@link
 * InboxListener}. A failing event is tried {@code maxAttempts} times with backoff in the consumer,
 * then dead-lettered; it is never requeued for ever (Spring AMQP's default) and never blocks the
 * queue for longer than its retries.
 */
final class InboxConsumer implements SmartInitializingSingleton, SmartLifecycle {

  private final ConfigurableListableBeanFactory beans;
  private final ConnectionFactory connections;
  private final EventInbox inbox;
  private final DeadLetters deadLetters;
  private final MessagingSettings settings;
  private final String service;
  private volatile SimpleMessageListenerContainer container;

  InboxConsumer(
      ConfigurableListableBeanFactory beans,
      ConnectionFactory connections,
      EventInbox inbox,
      DeadLetters deadLetters,
      MessagingSettings settings,
      String service) {
    this.beans = beans;
    this.connections = connections;
    this.inbox = inbox;
    this.deadLetters = deadLetters;
    this.settings = settings;
    this.service = service;
  }

  /**
   * Once every bean (and so every listener) exists, and before any connection opens, registers the
   * topology for Spring AMQP's admin, which declares it on each new connection.
   */
  @Override
  public void afterSingletonsInstantiated() {
    Set<String> types = new TreeSet<>(inbox.handlers().keySet());
    beans.registerSingleton("airtixEventTopology", EventTopology.of(settings, service, types));
  }

  @Override
  public void start() {
    if (inbox.handlers().isEmpty() || !settings.inbox().enabled()) {
      return;
    }
    SimpleMessageListenerContainer started =
        QueueConsumers.of(
            connections, EventTopology.eventQueue(service), inbox, service + "-inbox");
    // a failure that outlived the retries is dead-lettered by the recoverer
    started.setAdviceChain(retries());
    started.setConcurrentConsumers(settings.inbox().concurrency());
    started.setPrefetchCount(settings.inbox().prefetch());
    QueueConsumers.start(started);
    container = started;
  }

  private Advice retries() {
    MessagingSettings.Inbox inboxSettings = settings.inbox();
    return deadLetters.afterRetries(
        inboxSettings.maxAttempts(),
        inboxSettings.initialBackoff(),
        inboxSettings.backoffMultiplier(),
        inboxSettings.maxBackoff());
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
