package io.airtix.platform.denylist;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service without a database, like the tenants service: a token-protected endpoint and the broker
 * only.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
    excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Import(DenyListTestApplication.Greeting.class)
class DenyListTestApplication {

  /**
   * Leaves the broker as it was: with a durable copy in Redis, the service's deny-list queue and
   * dead-letter queue and exchange are durable.
   */
  @Bean
  DisposableBean deleteDurableDenyListTopology(
      AmqpAdmin admin, ObjectProvider<Declarables> topologies) {
    return () ->
        topologies.forEach(
            topology -> {
              topology.getDeclarablesByType(Queue.class).stream()
                  .filter(Queue::isDurable)
                  .forEach(queue -> admin.deleteQueue(queue.getName()));
              topology
                  .getDeclarablesByType(DirectExchange.class)
                  .forEach(exchange -> admin.deleteExchange(exchange.getName()));
            });
  }

  @RestController
  static class Greeting {

    @GetMapping("/api/greeting")
    String greeting() {
      return "hello";
    }
  }
}
