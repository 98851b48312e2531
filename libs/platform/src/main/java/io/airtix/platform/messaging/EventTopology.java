package io.airtix.platform.messaging;

import io.airtix.events.broker.BrokerNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

/**
 * The exchanges, queues and bindings of one service, declared by Spring AMQP's admin on every new
 * connection, so a restarted or fresh broker (RabbitMQ or the embedded one) gets the same topology.
 * Only portable arguments: the embedded broker refuses RabbitMQ-only ones such as {@code
 * x-dead-letter-exchange}.
 *
 * <ul>
 *   <li>{@code airtix.events}: durable topic exchange; every event, routing key = its type ({@code
 *       ticket.created})
 *   <li>{@code <service>.events}: durable queue of a service that listens, bound to exactly the
 *       types it applies
 *   <li>{@code airtix.dead-letter.<service>}: durable direct exchange of the service alone; {@code
 *       <service>.dead-letter} bound with key {@code <service>}
 * </ul>
 */
final class EventTopology {

  private EventTopology() {}

  static String eventQueue(String service) {
    return BrokerNames.eventQueue(service);
  }

  static String deadLetterQueue(String service) {
    return BrokerNames.deadLetterQueue(service);
  }

  static Declarables of(MessagingSettings settings, String service, Set<String> listenedTypes) {
    List<Declarable> declarables = new ArrayList<>();
    TopicExchange events = new TopicExchange(settings.exchange(), true, false);
    declarables.add(events);
    if (!listenedTypes.isEmpty()) {
      Queue queue = new Queue(eventQueue(service), true, false, false);
      declarables.add(queue);
      for (String type : listenedTypes) {
        Binding binding = BindingBuilder.bind(queue).to(events).with(type);
        declarables.add(binding);
      }
      declarables.addAll(DeadLetters.topology(settings.deadLetterExchangeOf(service), service));
    }
    return new Declarables(declarables);
  }
}
