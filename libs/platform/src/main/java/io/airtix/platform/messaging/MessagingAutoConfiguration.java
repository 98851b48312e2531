package io.airtix.platform.messaging;

import io.airtix.events.EventTypes;
import io.airtix.platform.jdbc.PlainSqlTransactions;
import io.airtix.platform.retention.Purge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event backbone of a service with a database and the AMQP starter: the {@link Outbox} and its
 * relay, the inbox behind {@link InboxListener} methods, the topology, dead-lettering, and the
 * platform's own tables. See docs/decisions/0007-event-backbone.md.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
    })
@ConditionalOnClass({
  RabbitTemplate.class,
  JdbcClient.class,
  Flyway.class,
  DependsOnDatabaseInitialization.class
})
@ConditionalOnBean({DataSource.class, ConnectionFactory.class, PlatformTransactionManager.class})
@ConditionalOnBooleanProperty(name = "airtix.messaging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MessagingSettings.class)
public class MessagingAutoConfiguration {

  @Bean
  static InboxListenerMethods airtixInboxListenerMethods() {
    return new InboxListenerMethods();
  }

  @Bean
  @ConditionalOnMissingBean
  EventTypes airtixEventTypes() {
    return EventTypes.AIRTIX;
  }

  @Bean
  @ConditionalOnMissingBean
  EventJson airtixEventJson(EventTypes types) {
    return new EventJson(types);
  }

  /**
   * Runs after the service's own Flyway migrations: on an empty database they must find an empty
   * schema.
   */
  @Bean
  @DependsOnDatabaseInitialization
  MessagingTables airtixMessagingTables(DataSource dataSource) {
    MessagingDatabase database = MessagingDatabase.of(dataSource);
    MessagingSchema.migrate(dataSource, database);
    return new MessagingTables(database, JdbcClient.create(dataSource));
  }

  @Bean
  @ConditionalOnMissingBean
  Outbox airtixOutbox(
      MessagingTables tables,
      EventJson json,
      ObjectProvider<Clock> clock,
      ObjectProvider<OutboxRelay> relay) {
    return new Outbox(
        new OutboxStore(tables.jdbc(), tables.database()),
        json,
        clock(clock),
        () -> relay.ifAvailable(OutboxRelay::wake));
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "airtix.messaging.outbox.relay", matchIfMissing = true)
  OutboxRelay airtixOutboxRelay(
      MessagingTables tables,
      DataSource dataSource,
      ConnectionFactory connections,
      MessagingSettings settings,
      Environment environment,
      ObjectProvider<Clock> clock,
      ObjectProvider<TransactionManagerCustomizers> customizers) {
    requireConfirmsAndReturns(connections);
    RabbitTemplate template = new RabbitTemplate(connections);
    // unroutable events come back instead of vanishing, and stay in the outbox
    template.setMandatory(true);
    // the relay reads a return from the publish's correlation data; without a callback the template
    // also logs a warning for every returned event
    template.setReturnsCallback(returned -> {});
    // the relay only runs SQL of its own
    return new OutboxRelay(
        new OutboxStore(tables.jdbc(), tables.database()),
        template,
        PlainSqlTransactions.on(dataSource, customizers),
        tables.database(),
        settings,
        service(settings, environment),
        clock(clock));
  }

  @Bean
  EventInbox airtixEventInbox(
      MessagingTables tables,
      InboxListenerMethods listeners,
      EventTypes types,
      EventJson json,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock) {
    return new EventInbox(
        new InboxStore(tables.jdbc(), tables.database()),
        listeners,
        types,
        json,
        new TransactionTemplate(transactionManager),
        clock(clock));
  }

  @Bean
  Purge airtixOutboxPurge(MessagingTables tables, MessagingSettings settings) {
    OutboxStore store = new OutboxStore(tables.jdbc(), tables.database());
    return new Purge(
        "sent events",
        settings.outbox().retention(),
        cutoff -> store.deleteDoneBefore(cutoff.toEpochMilli()));
  }

  @Bean
  Purge airtixInboxPurge(MessagingTables tables, EventInbox inbox, MessagingSettings settings) {
    InboxPurge purge = new InboxPurge(new InboxStore(tables.jdbc(), tables.database()), inbox);
    return new Purge(
        "applied event ids and positions", settings.inbox().retention(), purge::purgeBefore);
  }

  @Bean
  BackboneMetrics airtixBackboneMetrics(MessagingTables tables, ObjectProvider<Clock> clock) {
    return new BackboneMetrics(
        new OutboxStore(tables.jdbc(), tables.database()),
        new InboxStore(tables.jdbc(), tables.database()),
        clock(clock));
  }

  @Bean
  InboxConsumer airtixInboxConsumer(
      ConfigurableListableBeanFactory beans,
      ConnectionFactory connections,
      EventInbox inbox,
      MessagingSettings settings,
      Environment environment,
      ObjectProvider<MeterRegistry> meters) {
    String service = service(settings, environment);
    return new InboxConsumer(
        beans,
        connections,
        inbox,
        new DeadLetters(
            new RabbitTemplate(connections),
            settings.deadLetterExchangeOf(service),
            service,
            meters.getIfAvailable(SimpleMeterRegistry::new)),
        settings,
        service);
  }

  private static String service(MessagingSettings settings, Environment environment) {
    String service =
        settings.service() != null
            ? settings.service()
            : environment.getProperty("spring.application.name");
    if (service == null || service.isBlank()) {
      throw new IllegalStateException(
          "Messaging needs the service's name for its queues: set airtix.messaging.service"
              + " or spring.application.name (an @AirtixService application has it)");
    }
    return service;
  }

  private static Clock clock(ObjectProvider<Clock> clock) {
    return clock.getIfUnique(Clock::systemUTC);
  }

  /**
   * Without them the relay would wait for confirms that never come, or count unroutable events as
   * sent.
   */
  private static void requireConfirmsAndReturns(ConnectionFactory connections) {
    if (connections instanceof CachingConnectionFactory caching
        && (!caching.isPublisherConfirms() || !caching.isPublisherReturns())) {
      throw new IllegalStateException(
          "The outbox relay needs publisher confirms and returns: set "
              + "spring.rabbitmq.publisher-confirm-type=correlated and spring.rabbitmq.publisher-returns=true");
    }
  }

  /** The platform's tables exist and are migrated; what kind of database holds them. */
  record MessagingTables(MessagingDatabase database, JdbcClient jdbc) {}
}
