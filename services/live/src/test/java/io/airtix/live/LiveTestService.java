package io.airtix.live;

import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every integration test of the live service runs it against: the test Keycloak's realm
 * (started on first use, so a test of anonymous connections alone never waits for it) and the
 * broker its events go to. A test starts to publish only once the instance's feed consumes.
 */
final class LiveTestService {

  static final KeycloakEventBroker BROKER = KeycloakEventBroker.configured();

  private LiveTestService() {}

  static KeycloakServer keycloak() {
    return KeycloakServer.shared();
  }

  /** The broker and the test Keycloak's realm. */
  static Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("airtix.security.issuer-uri", keycloak().issuer());
    settings.putAll(brokerSettings());
    return settings;
  }

  /** The broker alone. */
  static Map<String, String> brokerSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.rabbitmq.host", BROKER.host());
    settings.put("spring.rabbitmq.port", String.valueOf(BROKER.port()));
    settings.put("spring.rabbitmq.username", BROKER.username());
    settings.put("spring.rabbitmq.password", BROKER.password());
    return settings;
  }

  static void register(DynamicPropertyRegistry registry) {
    settings().forEach((name, value) -> registry.add(name, () -> value));
  }

  static void awaitFeed(AmqpAdmin admin, Declarables liveFeedTopology) {
    String queue = liveFeedTopology.getDeclarablesByType(Queue.class).get(0).getName();
    Awaitility.await("the live feed consumes " + queue)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var info = admin.getQueueInfo(queue);
              return info != null && info.getConsumerCount() > 0;
            });
  }
}
