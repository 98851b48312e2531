package io.airtix.keycloak.events;

import java.time.Duration;
import org.keycloak.Config;

/**
 * Where and how the {@code airtix} event listener publishes, read once from Keycloak's
 * configuration, e.g. {@code --spi-events-listener--airtix--broker-port=5673}.
 *
 * @param host the AMQP 0-9-1 broker: RabbitMQ, or the standalone launcher's embedded broker
 * @param exchange the platform's topic exchange; the routing key is the event type
 * @param confirmTimeout how long a batch waits for the broker's confirms before it is sent again
 * @param maxRetryDelay the longest pause between two attempts to reach the broker (the pause
 *     doubles up to it)
 */
record BrokerSettings(
    boolean enabled,
    String host,
    int port,
    String username,
    String password,
    String virtualHost,
    String exchange,
    Duration confirmTimeout,
    Duration maxRetryDelay) {

  static final String PUBLISH = "publish";
  static final String HOST = "broker-host";
  static final String PORT = "broker-port";
  static final String USERNAME = "broker-username";
  static final String PASSWORD = "broker-password";
  static final String VIRTUAL_HOST = "broker-virtual-host";
  static final String EXCHANGE = "exchange";

  static final BrokerSettings DEFAULTS =
      new BrokerSettings(
          true,
          "localhost",
          5672,
          "guest",
          "guest",
          "/",
          "airtix.events",
          Duration.ofSeconds(10),
          Duration.ofSeconds(30));

  static BrokerSettings from(Config.Scope config) {
    return new BrokerSettings(
        config.getBoolean(PUBLISH, DEFAULTS.enabled()),
        config.get(HOST, DEFAULTS.host()),
        config.getInt(PORT, DEFAULTS.port()),
        config.get(USERNAME, DEFAULTS.username()),
        config.get(PASSWORD, DEFAULTS.password()),
        config.get(VIRTUAL_HOST, DEFAULTS.virtualHost()),
        config.get(EXCHANGE, DEFAULTS.exchange()),
        DEFAULTS.confirmTimeout(),
        DEFAULTS.maxRetryDelay());
  }

  @Override
  public String toString() {
    // never print the password
    return "amqp://" + username + "@" + host + ":" + port + virtualHost + " exchange " + exchange;
  }
}
