package io.airtix.live;

import io.airtix.events.AggregateEvent;
import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import io.airtix.events.broker.BrokerNames;
import io.airtix.platform.messaging.EventJson;
import io.airtix.testing.keycloak.KeycloakEventBroker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes events to the test broker's exchange as their owning services do: the envelope as JSON,
 * the type as routing key.
 */
final class Backbone implements AutoCloseable {

  private final CachingConnectionFactory connections;
  private final RabbitTemplate template;
  private final EventJson json = new EventJson(EventTypes.AIRTIX);

  Backbone(KeycloakEventBroker broker) {
    connections = new CachingConnectionFactory(broker.host(), broker.port());
    connections.setUsername(broker.username());
    connections.setPassword(broker.password());
    template = new RabbitTemplate(connections);
  }

  /** Publishes an event; its envelope, whose id is the position clients see. */
  <T extends AggregateEvent> EventEnvelope<T> publish(T event) {
    EventEnvelope<T> envelope = EventEnvelope.wrap(event, Instant.now());
    template.send(
        BrokerNames.EVENTS_EXCHANGE,
        envelope.type(),
        MessageBuilder.withBody(json.write(envelope).getBytes(StandardCharsets.UTF_8))
            .setContentType(MessageProperties.CONTENT_TYPE_JSON)
            .build());
    return envelope;
  }

  @Override
  public void close() {
    connections.destroy();
  }
}
