package io.airtix.testing.keycloak;

import io.airtix.testing.services.RabbitMq;
import io.airtix.testing.services.TestServices;
import java.util.Map;

/**
 * The broker the test Keycloak's {@code airtix} event listener publishes user lifecycle events to:
 * the tests' RabbitMQ ({@link TestServices#rabbitMq()}: the machine's own or a container,
 * guest/guest) unless the system properties {@code airtix.keycloak.event-broker.host} / {@code
 * .port} name another, e.g. an embedded broker a test module starts before Keycloak. Services under
 * test listen to the same broker and exchange ({@code airtix.events}) to hear of bans, logouts and
 * deletions.
 */
public record KeycloakEventBroker(String host, int port, String username, String password) {

  static final String HOST_PROPERTY = "airtix.keycloak.event-broker.host";
  static final String PORT_PROPERTY = "airtix.keycloak.event-broker.port";

  /** The standalone broker's account that reads every event ({@code BrokerAccount.OBSERVER}). */
  static final String OBSERVER_ACCOUNT = "airtix-observer";

  public static KeycloakEventBroker configured() {
    String host = System.getProperty(HOST_PROPERTY, "127.0.0.1");
    if (StandaloneAirtix.configured()) {
      // a standalone Airtix admits no guest: its observer account reads every event
      return new KeycloakEventBroker(
          host,
          Integer.getInteger(PORT_PROPERTY, 5672),
          OBSERVER_ACCOUNT,
          StandaloneAirtix.brokerObserverPassword());
    }
    Integer port = Integer.getInteger(PORT_PROPERTY);
    if (port != null) {
      return new KeycloakEventBroker(host, port, "guest", "guest");
    }
    RabbitMq rabbitMq = TestServices.rabbitMq();
    return new KeycloakEventBroker(
        rabbitMq.host(), rabbitMq.port(), rabbitMq.username(), rabbitMq.password());
  }

  /**
   * Keycloak's options for the listener, as environment variables (the form the launcher and
   * deployments use).
   */
  Map<String, String> keycloakEnvironment() {
    String prefix = "KC_SPI_EVENTS_LISTENER__AIRTIX__";
    return Map.of(
        prefix + "BROKER_HOST", host,
        prefix + "BROKER_PORT", String.valueOf(port),
        prefix + "BROKER_USERNAME", username,
        prefix + "BROKER_PASSWORD", password);
  }
}
