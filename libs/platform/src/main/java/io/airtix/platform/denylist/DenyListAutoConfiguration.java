package io.airtix.platform.denylist;

import io.airtix.events.EventTypes;
import io.airtix.platform.messaging.EventJson;
import io.airtix.platform.security.AirtixSecurityAutoConfiguration;
import io.airtix.platform.security.SecuritySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
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
 * The deny-list of a service that accepts user tokens: in memory, or in Redis when {@code
 * airtix.redis.enabled}; fed from the broker wherever the service has the AMQP starter, with or
 * without a database. The token validation of {@link AirtixSecurityAutoConfiguration} asks it on
 * every request. See docs/decisions/0013-user-lifecycle.md.
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
@EnableConfigurationProperties(DenyListSettings.class)
public class DenyListAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(
      name = "airtix.redis.enabled",
      havingValue = false,
      matchIfMissing = true)
  DenyList inMemoryDenyList(
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

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("airtix.redis.enabled")
  @ConditionalOnClass(StringRedisTemplate.class)
  static class RedisDenyListConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DenyList redisDenyList(
        StringRedisTemplate redis,
        DenyListSettings settings,
        ObjectProvider<SecuritySettings> security,
        ObjectProvider<Clock> clock) {
      return new RedisDenyList(
          redis,
          settings.keyPrefix(),
          retention(settings, security),
          clock.getIfUnique(Clock::systemUTC));
    }
  }

  /**
   * Every instance must hear every ban. With a shared deny-list (Redis) one durable queue per
   * service suffices and keeps bans that arrive while all instances are down; with a deny-list in
   * memory each instance has a queue of its own, deleted when it stops.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SimpleMessageListenerContainer.class)
  @ConditionalOnBean(ConnectionFactory.class)
  static class DenyListFeedConfiguration {

    @Bean
    Declarables airtixDenyListTopology(DenyList denyList, Environment environment) {
      String service =
          environment.getProperty(
              "airtix.messaging.service",
              environment.getProperty("spring.application.name", "airtix"));
      String exchangeName = environment.getProperty("airtix.messaging.exchange", "airtix.events");
      Queue queue =
          denyList.shared()
              ? new Queue(service + ".deny-list", true, false, false)
              : new AnonymousQueue(new Base64UrlNamingStrategy(service + ".deny-list."));
      TopicExchange exchange = new TopicExchange(exchangeName, true, false);
      List<Declarable> declarables = new ArrayList<>(List.of(exchange, queue));
      DenyListFeed.TYPES.forEach(
          type -> declarables.add(BindingBuilder.bind(queue).to(exchange).with(type)));
      return new Declarables(declarables);
    }

    @Bean
    DenyListFeed airtixDenyListFeed(
        ConnectionFactory connections,
        Declarables airtixDenyListTopology,
        DenyList denyList,
        ObjectProvider<EventJson> json,
        ObjectProvider<SecuritySettings> security) {
      SecuritySettings tokens = security.getIfAvailable();
      Queue queue = airtixDenyListTopology.getDeclarablesByType(Queue.class).get(0);
      return new DenyListFeed(
          connections,
          queue.getName(),
          json.getIfAvailable(() -> new EventJson(EventTypes.AIRTIX)),
          denyList,
          tokens != null ? tokens.realm() : null);
    }
  }
}
