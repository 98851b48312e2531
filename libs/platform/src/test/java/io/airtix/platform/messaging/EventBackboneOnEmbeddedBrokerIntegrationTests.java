package io.airtix.platform.messaging;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The standalone mode's broker: Qpid Broker-J from libs/broker, in this JVM. */
class EventBackboneOnEmbeddedBrokerIntegrationTests extends EventBackboneContract {

  @DynamicPropertySource
  static void embeddedBroker(DynamicPropertyRegistry registry) throws Exception {
    backbone(registry, TestBrokers.embedded());
  }
}
