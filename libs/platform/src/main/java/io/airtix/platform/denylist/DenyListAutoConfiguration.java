package io.airtix.platform.denylist;

import io.airtix.events.EventTypes;
import io.airtix.platform.messaging.DeadLetters;
import io.airtix.platform.messaging.EventJson;
import io.airtix.platform.messaging.MessagingSettings;
import io.airtix.platform.security.AirtixSecurityAutoConfiguration;
import io.airtix.platform.security.SecuritySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The deny-list of a service that accepts user tokens: each instance's own in memory, which the
 * token validation of {@link AirtixSecurityAutoConfiguration} asks on every request, fed from the
 * broker wherever the service has the AMQP starter, with or without a database. With {@code
 * airtix.redis.enabled} a durable copy in Redis seeds it. See decisions 0013 and 0044.
 */
@AutoConfiguration(
    before = AirtixSecurityAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
      "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration"
    })
// servlet services and the reactive live-updates service alike; not the gateway, which reads no
// token
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "airtix.deny-list.enabled", matchIfMissing = true)
@EnableConfigurationProperties({DenyListSettings.class, MessagingSettings.class})
public class DenyListAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  DenyList airtixDenyList(
      DenyListSettings settings,
      ObjectProvider<SecuritySettings> security,
      ObjectProvider<Clock> clock) {
    return new InMemoryDenyList(retention(settings, security), clock.getIfUnique(Clock::systemUTC));
  }

  /**
   * How long an entry matters: a token issued just before the event lives this long, clock skew
   * included.
   */
  static Duration retention(DenyListSettings settings, ObjectProvider<SecuritySettings> security) {
    SecuritySettings tokens = security.getIfAvailable();
    return settings
        .accessTokenLifetime()
        .plus(tokens != null ? tokens.clockSkew() : Duration.ofSeconds(30));
  }

  /** The durable copy in Redis, and the seeding of each instance's copy from it. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("airtix.redis.enabled")
  @ConditionalOnClass(StringRedisTemplate.class)
  static class StoredDenyListConfiguration {

    /**
     * The durable copy is no {@link DenyList} bean of its own: requests ask the instance's copy in
     * memory, never Redis.
     */
    @Bean
    StoredBans airtixStoredBans(
        StringRedisTemplate redis,
        DenyList denyList,
        DenyListSettings settings,
        ObjectProvider<SecuritySettings> security,
        ObjectProvider<Clock> clock) {
      RedisDenyList stored =
          new RedisDenyList(
              redis,
              settings.keyPrefix(),
              retention(settings, security),
              clock.getIfUnique(Clock::systemUTC));
      return new StoredBans(stored, denyList, settings.store().refresh());
    }
  }

  /**
   * Every instance must hear every ban, on a queue of its own deleted when it stops. With a durable
   * copy, the service also keeps one durable queue, read by whichever instance is up, that writes
   * it: bans that arrive while every instance is down, or while Redis is, wait there.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SimpleMessageListenerContainer.class)
  @ConditionalOnBean(ConnectionFactory.class)
  static class DenyListFeedConfiguration {

    @Bean
    Declarables airtixDenyListTopology(MessagingSettings messaging, Environment environment) {
      String service = service(messaging, environment);
      return topology(
          messaging, new AnonymousQueue(new Base64UrlNamingStrategy(service + ".deny-list.")));
    }

    @Bean
    DenyListFeed airtixDenyListFeed(
        ConnectionFactory connections,
        Declarables airtixDenyListTopology,
        DenyList denyList,
        ObjectProvider<EventJson> json,
        ObjectProvider<SecuritySettings> security) {
      return new DenyListFeed(
          connections,
          queueOf(airtixDenyListTopology),
          json(json),
          List.of(denyList),
          realm(security),
          null);
    }

    @Bean
    @ConditionalOnBooleanProperty("airtix.redis.enabled")
    Declarables airtixStoredDenyListTopology(MessagingSettings messaging, Environment environment) {
      String service = service(messaging, environment);
      Declarables topology =
          topology(messaging, new Queue(service + ".deny-list", true, false, false));
      List<Declarable> declarables = new ArrayList<>(topology.getDeclarables());
      declarables.addAll(DeadLetters.topology(messaging.deadLetterExchangeOf(service), service));
      return new Declarables(declarables);
    }

    @Bean
    @ConditionalOnBooleanProperty("airtix.redis.enabled")
    DenyListFeed airtixStoredDenyListFeed(
        ConnectionFactory connections,
        Declarables airtixStoredDenyListTopology,
        StoredBans storedBans,
        DenyList denyList,
        DenyListSettings settings,
        MessagingSettings messaging,
        Environment environment,
        ObjectProvider<EventJson> json,
        ObjectProvider<SecuritySettings> security,
        ObjectProvider<MeterRegistry> meters) {
      String service = service(messaging, environment);
      DeadLetters deadLetters =
          new DeadLetters(
              new RabbitTemplate(connections),
              messaging.deadLetterExchangeOf(service),
              service,
              meters.getIfAvailable(SimpleMeterRegistry::new));
      DenyListSettings.Store store = settings.store();
      return new DenyListFeed(
          connections,
          queueOf(airtixStoredDenyListTopology),
          json(json),
          List.of(storedBans.stored(), denyList),
          realm(security),
          deadLetters.afterRetries(
              store.maxAttempts(), store.initialBackoff(), 2.0, store.maxBackoff()));
    }

    private static String service(MessagingSettings messaging, Environment environment) {
      return messaging.service() != null
          ? messaging.service()
          : environment.getProperty("spring.application.name", "airtix");
    }

    /** The queue, on the events exchange, bound to every type that refuses tokens. */
    private static Declarables topology(MessagingSettings messaging, Queue queue) {
      TopicExchange exchange = new TopicExchange(messaging.exchange(), true, false);
      List<Declarable> declarables = new ArrayList<>(List.of(exchange, queue));
      DenyListEvents.TYPES.forEach(
          type -> declarables.add(BindingBuilder.bind(queue).to(exchange).with(type)));
      return new Declarables(declarables);
    }

    private static String queueOf(Declarables topology) {
      return topology.getDeclarablesByType(Queue.class).get(0).getName();
    }

    private static EventJson json(ObjectProvider<EventJson> json) {
      return json.getIfAvailable(() -> new EventJson(EventTypes.AIRTIX));
    }

    private static @Nullable String realm(ObjectProvider<SecuritySettings> security) {
      SecuritySettings tokens = security.getIfAvailable();
      return tokens != null ? tokens.realm() : null;
    }
  }
}
