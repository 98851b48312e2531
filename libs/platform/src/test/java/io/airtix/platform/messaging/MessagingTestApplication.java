package io.airtix.platform.messaging;

import io.airtix.events.EventTypes;
import javax.sql.DataSource;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A minimal "service" on the backbone: a SQLite database with its own Flyway migration, the probe
 * listener, and whatever broker the test points {@code spring.rabbitmq.*} at. Exchange and queue
 * names are per test class.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class MessagingTestApplication {

  @Bean
  EventTypes probeEventTypes() {
    return ProbeEvents.TYPES;
  }

  @Bean
  ProbeListener probeListener(DataSource dataSource) {
    return new ProbeListener(JdbcClient.create(dataSource));
  }

  /**
   * Runs after the consumer stopped and before the connection closes: leaves the broker as it was.
   */
  @Bean
  DisposableBean deleteTestTopology(AmqpAdmin admin, MessagingSettings settings) {
    return () -> {
      admin.deleteQueue(EventTopology.eventQueue(settings.service()));
      admin.deleteQueue(EventTopology.deadLetterQueue(settings.service()));
      admin.deleteExchange(settings.exchange());
      admin.deleteExchange(settings.deadLetterExchange());
    };
  }
}
