package io.airtix.keycloak.events;

import org.keycloak.Config;

/**
 * How the {@code airtix} event listener behaves, read once from Keycloak's configuration, e.g.
 * {@code --spi-events-listener--airtix--include-admin-events=false}.
 *
 * @param includeAdminEvents whether changes made through the admin console or admin API are logged
 *     too
 */
record EventLogSettings(boolean includeAdminEvents) {

  static final String INCLUDE_ADMIN_EVENTS = "include-admin-events";

  static EventLogSettings from(Config.Scope config) {
    return new EventLogSettings(config.getBoolean(INCLUDE_ADMIN_EVENTS, true));
  }
}
