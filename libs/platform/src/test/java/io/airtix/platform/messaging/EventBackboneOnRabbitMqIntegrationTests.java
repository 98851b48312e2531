package io.airtix.platform.messaging;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The distributed mode's broker: the machine's RabbitMQ. */
class EventBackboneOnRabbitMqIntegrationTests extends EventBackboneContract {

  @DynamicPropertySource
  static void rabbitMq(DynamicPropertyRegistry registry) throws Exception {
    backbone(registry, TestBrokers.rabbitMq());
  }
}
