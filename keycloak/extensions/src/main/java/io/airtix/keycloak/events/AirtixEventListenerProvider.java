package io.airtix.keycloak.events;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerTransaction;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Logs user and admin events, one structured line each, and publishes the user lifecycle events
 * (created, updated, deleted, banned, session ended) and staff changes to the platform's broker.
 *
 * <p>Both are held until Keycloak's transaction completes and happen only if it committed: a change
 * that rolled back never happened for the rest of the platform. The lifecycle events are built at
 * once, inside the transaction, because only then can the user's current name and e-mail address
 * still be read.
 */
final class AirtixEventListenerProvider implements EventListenerProvider {

  private static final Logger LOG = Logger.getLogger("io.airtix.keycloak.events");

  private final EventLogSettings settings;
  private final EventListenerTransaction afterCommit;
  private final LifecycleEvents lifecycle;
  private final PublishAfterCommit publishAfterCommit;

  AirtixEventListenerProvider(
      KeycloakSession session, EventLogSettings settings, BrokerPublisher publisher) {
    this.settings = settings;
    this.afterCommit = new EventListenerTransaction(this::log, this::log);
    session.getTransactionManager().enlistAfterCompletion(afterCommit);
    this.lifecycle = new LifecycleEvents(session);
    if (publisher != null) {
      this.publishAfterCommit = new PublishAfterCommit(publisher);
      session.getTransactionManager().enlistAfterCompletion(publishAfterCommit);
    } else {
      this.publishAfterCommit = null;
    }
  }

  @Override
  public void onEvent(Event event) {
    afterCommit.addEvent(event);
    if (publishAfterCommit != null) {
      publishAfterCommit.add(lifecycle.of(event));
    }
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {
    if (settings.includeAdminEvents()) {
      // the representation may carry names and e-mail addresses: it is never logged
      afterCommit.addAdminEvent(event, false);
    }
    if (publishAfterCommit != null) {
      publishAfterCommit.add(lifecycle.of(event));
    }
  }

  /**
   * A person's tenant roles in the airline changed without an event of Keycloak's own (an accepted
   * invitation): their standing as it is now goes out with the session's other events, after the
   * commit.
   */
  void staffChanged(UserModel user, String airline, long time, String realm) {
    if (publishAfterCommit != null) {
      publishAfterCommit.add(List.of(StaffRoles.changed(user, airline, time, realm)));
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
