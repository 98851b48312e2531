package io.airtix.keycloak.events;

import io.airtix.keycloak.organization.PendingStaffRoles;
import io.airtix.keycloak.realm.NoOfflineAccessByDefault;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers the {@code airtix} event listener; a realm turns it on in its event listeners list. */
public final class AirtixEventListenerProviderFactory implements EventListenerProviderFactory {

  public static final String ID = "airtix";

  private EventLogSettings settings = new EventLogSettings(true);
  private BrokerSettings brokerSettings = BrokerSettings.DEFAULTS;
  private KeycloakSessionFactory sessions;
  private BrokerPublisher publisher;

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new AirtixEventListenerProvider(session, settings, publisher());
  }

  @Override
  public void init(Config.Scope config) {
    settings = EventLogSettings.from(config);
    brokerSettings = BrokerSettings.from(config);
  }

  /**
   * Started once Keycloak's database is migrated, so events an earlier run left unsent go out, and
   * in its own thread: Keycloak's start never waits for, or fails on, the broker.
   */
  private synchronized BrokerPublisher publisher() {
    if (publisher == null && brokerSettings.enabled() && sessions != null) {
      publisher = new BrokerPublisher(brokerSettings, new StoredUnsentEvents(sessions));
    }
    return publisher;
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            started(factory);
          }
        });
    // Keycloak's provider events (not user events) say when someone joins an organization
    // roles granted on acceptance make no admin event: the extension tells the listener itself
    factory.register(new PendingStaffRoles(this::staffChanged));
    // and when a realm has been created, imported from a file included
    factory.register(new NoOfflineAccessByDefault());
  }

  private synchronized void started(KeycloakSessionFactory factory) {
    sessions = factory;
    publisher();
  }

  /**
   * Publishes the person's tenant roles in the airline after the session's transaction commits,
   * when the realm names this listener (as for Keycloak's own events) and publishing is on.
   */
  private void staffChanged(KeycloakSession session, UserModel user, String airline) {
    RealmModel realm = session.getContext().getRealm();
    if (realm == null
        || publisher() == null
        || realm.getEventsListenersStream().noneMatch(ID::equals)) {
      return;
    }
    // the session's one instance of this listener, which Keycloak's events of the session reach too
    if (session.getProvider(EventListenerProvider.class, ID)
        instanceof AirtixEventListenerProvider listener) {
      listener.staffChanged(user, airline, Time.currentTimeMillis(), realm.getName());
    }
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(EventLogSettings.INCLUDE_ADMIN_EVENTS)
        .type(ProviderConfigProperty.BOOLEAN_TYPE)
        .helpText(
            "Log admin events (changes made through the admin console or API) as well as user events.")
        .defaultValue(true)
        .add()
        .property()
        .name(BrokerSettings.PUBLISH)
        .type(ProviderConfigProperty.BOOLEAN_TYPE)
        .helpText("Publish user lifecycle events to the broker.")
        .defaultValue(true)
        .add()
        .property()
        .name(BrokerSettings.HOST)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("Host of the AMQP 0-9-1 broker (RabbitMQ or the standalone embedded broker).")
        .defaultValue(BrokerSettings.DEFAULTS.host())
        .add()
        .property()
        .name(BrokerSettings.PORT)
        .type(ProviderConfigProperty.INTEGER_TYPE)
        .helpText("Port of the broker.")
        .defaultValue(BrokerSettings.DEFAULTS.port())
        .add()
        .property()
        .name(BrokerSettings.USERNAME)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("User name at the broker.")
        .defaultValue(BrokerSettings.DEFAULTS.username())
        .add()
        .property()
        .name(BrokerSettings.PASSWORD)
        .type(ProviderConfigProperty.PASSWORD)
        .helpText(
            "Password at the broker; pass it as an environment variable, not on the command line.")
        .add()
        .property()
        .name(BrokerSettings.VIRTUAL_HOST)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("Virtual host at the broker.")
        .defaultValue(BrokerSettings.DEFAULTS.virtualHost())
        .add()
        .property()
        .name(BrokerSettings.EXCHANGE)
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("Topic exchange of the platform's events; the routing key is the event type.")
        .defaultValue(BrokerSettings.DEFAULTS.exchange())
        .add()
        .build();
  }

  @Override
  public synchronized void close() {
    if (publisher != null) {
      publisher.close();
      publisher = null;
    }
  }

  @Override
  public String getId() {
    return ID;
  }
}
