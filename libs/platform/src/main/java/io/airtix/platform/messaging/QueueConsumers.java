package io.airtix.platform.messaging;

import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * How every consumer of Airtix reads a queue: acknowledged when its listener returns, never put
 * back for ever when it throws, and patient with a broker that is not up yet (the queue is declared
 * when the connection opens). The inbox, the deny-list's feed and the live service's feed differ
 * only in what they add to this.
 */
public final class QueueConsumers {

  private QueueConsumers() {}

  /** A consumer of {@code queue}, to adjust and then {@link #start}. */
  public static SimpleMessageListenerContainer of(
      ConnectionFactory connections, String queue, MessageListener listener, String name) {
    SimpleMessageListenerContainer consumer = new SimpleMessageListenerContainer(connections);
    consumer.setQueueNames(queue);
    consumer.setMessageListener(listener);
    consumer.setAcknowledgeMode(AcknowledgeMode.AUTO);
    consumer.setDefaultRequeueRejected(false);
    consumer.setMissingQueuesFatal(false);
    consumer.setBeanName(name);
    return consumer;
  }

  public static SimpleMessageListenerContainer start(SimpleMessageListenerContainer consumer) {
    consumer.afterPropertiesSet();
    consumer.start();
    return consumer;
  }

  public static void stop(@Nullable SimpleMessageListenerContainer consumer) {
    if (consumer != null) {
      consumer.stop();
      consumer.destroy();
    }
  }
}
