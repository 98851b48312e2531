package io.airtix.keycloak.events;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerTransaction;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * Logs user and admin events, one structured line each.
 * <p>
 * Events are held until Keycloak's transaction completes and are written only if it committed: a login that rolled
 * back never happened for the rest of the platform. Publishing to the message broker will hook in at the same place.
 */
final class AirtixEventListenerProvider implements EventListenerProvider {

  private static final Logger LOG = Logger.getLogger("io.airtix.keycloak.events");

  private final EventLogSettings settings;
  private final EventListenerTransaction afterCommit;

  AirtixEventListenerProvider(KeycloakSession session, EventLogSettings settings) {
    this.settings = settings;
    this.afterCommit = new EventListenerTransaction(this::log, this::log);
    session.getTransactionManager().enlistAfterCompletion(afterCommit);
  }

  @Override
  public void onEvent(Event event) {
    afterCommit.addEvent(event);
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {
    if (settings.includeAdminEvents()) {
      // the representation may carry names and e-mail addresses: it is never logged
      afterCommit.addAdminEvent(event, false);
    }
  }

  private void log(Event event) {
    LOG.info(EventLine.of(event));
  }

  private void log(AdminEvent event, boolean includeRepresentation) {
    LOG.info(EventLine.of(event));
  }

  @Override
  public void close() {
    // nothing held per session
  }
}
