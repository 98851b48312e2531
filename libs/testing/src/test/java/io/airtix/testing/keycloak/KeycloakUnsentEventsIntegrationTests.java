package io.airtix.testing.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airtix.testing.net.TcpRelay;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keycloak keeps the events the broker has not confirmed in its own database, so they outlive a
 * restart of Keycloak while the broker is unreachable. A Keycloak of its own, on an H2 database in
 * a file, reaches the machine's RabbitMQ through a relay the test cuts: only this Keycloak loses
 * the broker.
 */
class KeycloakUnsentEventsIntegrationTests {

  @TempDir Path database;

  @Test
  void sendsAfterARestartTheEventsMadeWhileTheBrokerWasUnreachable() {
    KeycloakEventBroker broker = KeycloakEventBroker.configured();
    try (TcpRelay relay = TcpRelay.to(broker.host(), broker.port());
        KeycloakEvents events = KeycloakEvents.listen()) {
      relay.cut();
      KeycloakServer keycloak =
          KeycloakServer.startSeparate(
              "unsent-events",
              root ->
                  Map.of(
                      "KC_DB_URL",
                      "jdbc:h2:file:"
                          + database.resolve("keycloakdb")
                          + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE",
                      "KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_HOST",
                      relay.host(),
                      "KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_PORT",
                      String.valueOf(relay.port())));
      try {
        TestUser created = keycloak.createUser(TestUsers.customer());

        // stopped with the event unsent, and started again while the broker is still unreachable
        keycloak = keycloak.restart();
        relay.restore();

        JsonNode event = events.await("user.created", created.id());
        assertThat(event.path("payload").path("email").asText()).isEqualTo(created.email());
      } finally {
        keycloak.close();
      }
    }
  }
}
