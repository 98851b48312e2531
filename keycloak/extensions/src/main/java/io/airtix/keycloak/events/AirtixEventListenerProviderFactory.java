package io.airtix.keycloak.events;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers the {@code airtix} event listener; a realm turns it on in its event listeners list. */
public final class AirtixEventListenerProviderFactory implements EventListenerProviderFactory {

  public static final String ID = "airtix";

  private EventLogSettings settings = new EventLogSettings(true);

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new AirtixEventListenerProvider(session, settings);
  }

  @Override
  public void init(Config.Scope config) {
    settings = EventLogSettings.from(config);
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // no other provider needed
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(EventLogSettings.INCLUDE_ADMIN_EVENTS)
        .type(ProviderConfigProperty.BOOLEAN_TYPE)
        .helpText("Log admin events (changes made through the admin console or API) as well as user events.")
        .defaultValue(true)
        .add()
        .build();
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public String getId() {
    return ID;
  }
}
