package io.airtix.live.feed;

import io.airtix.events.EventTypes;
import io.airtix.events.broker.BrokerNames;
import io.airtix.live.config.LiveSettings;
import io.airtix.live.connection.Connections;
import io.airtix.live.message.EventTranslation;
import io.airtix.live.message.TicketFacts;
import io.airtix.platform.messaging.EventJson;
import io.airtix.platform.security.SecuritySettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scale-out of the live service is the broker's fan-out: each instance declares a queue of its
 * own, bound to every event ({@code #}), exclusive to its connection and deleted with it, so every
 * instance hears every event and serves its own clients. No instance knows of another.
 */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

  /** Every queue of the live service's broker account starts with {@code live.}. */
  static final String QUEUE_PREFIX = BrokerNames.queuePrefix("live") + "events.";

  @Bean
  Declarables liveFeedTopology() {
    Queue queue = new AnonymousQueue(new Base64UrlNamingStrategy(QUEUE_PREFIX));
    TopicExchange events = new TopicExchange(BrokerNames.EVENTS_EXCHANGE, true, false);
    return new Declarables(events, queue, BindingBuilder.bind(queue).to(events).with("#"));
  }

  /**
   * What the service knows of each ticket; a ticket it has no event of is asked of the catalogue,
   * briefly: the feed waits for the answer.
   */
  @Bean
  TicketFacts ticketFacts(LiveSettings settings, Clock clock) {
    return new TicketFacts(new TicketsCatalogue(settings.tickets(), Duration.ofMillis(500)), clock);
  }

  @Bean
  HoldReminders holdReminders(
      LiveSettings settings, EventTranslation translation, Connections connections, Clock clock) {
    return new HoldReminders(settings.holdReminder(), translation, connections, clock);
  }

  @Bean
  EventFeed eventFeed(
      ConnectionFactory broker,
      Declarables liveFeedTopology,
      EventTranslation translation,
      HoldReminders reminders,
      Connections connections,
      SecuritySettings security) {
    Queue queue = liveFeedTopology.getDeclarablesByType(Queue.class).get(0);
    return new EventFeed(
        broker,
        queue.getName(),
        new EventJson(EventTypes.AIRTIX),
        translation,
        reminders,
        connections,
        security.realm());
  }
}
