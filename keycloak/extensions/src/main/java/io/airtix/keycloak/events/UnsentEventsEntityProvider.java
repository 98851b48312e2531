package io.airtix.keycloak.events;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Adds the table of unsent events to Keycloak's database and JPA model. */
public final class UnsentEventsEntityProvider
    implements JpaEntityProviderFactory, JpaEntityProvider {

  static final String ID = "airtix-unsent-events";

  @Override
  public List<Class<?>> getEntities() {
    return List.of(UnsentEventEntity.class);
  }

  @Override
  public String getChangelogLocation() {
    return "META-INF/airtix-changelog.xml";
  }

  @Override
  public String getFactoryId() {
    return ID;
  }

  @Override
  public JpaEntityProvider create(KeycloakSession session) {
    return this;
  }

  @Override
  public void init(Config.Scope config) {
    // nothing to configure
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // nothing to start
  }

  @Override
  public void close() {
    // nothing held
  }

  @Override
  public String getId() {
    return ID;
  }
}
