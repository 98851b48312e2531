package io.airtix.testing.keycloak;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Keycloak a {@link KeycloakServer} talks to, whoever started it: the fixture's own process, or
 * the one of a standalone Airtix.
 */
record RunningKeycloak(
    int httpPort, BooleanSupplier alive, Supplier<String> tail, Runnable stopper) {

  static RunningKeycloak of(KeycloakProcess process) {
    return new RunningKeycloak(
        process.httpPort(), process::isAlive, process::logTail, process::stop);
  }

  static RunningKeycloak of(StandaloneAirtix airtix) {
    return new RunningKeycloak(
        StandaloneAirtix.KEYCLOAK_PORT, airtix::isAlive, airtix::logTail, airtix::stop);
  }

  boolean isAlive() {
    return alive.getAsBoolean();
  }

  String logTail() {
    return tail.get();
  }

  void stop() {
    stopper.run();
  }
}
