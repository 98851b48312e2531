package io.airtix.keycloak.events;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The unsent events in Keycloak's own database ({@link UnsentEventEntity}), each call in a
 * transaction of its own: they outlive a restart of Keycloak, and with several Keycloak nodes on
 * one database any node sends what another could not (an event may then go out twice; consumers
 * ignore an event id they already applied).
 */
final class StoredUnsentEvents implements UnsentEvents {

  private final KeycloakSessionFactory sessions;

  StoredUnsentEvents(KeycloakSessionFactory sessions) {
    this.sessions = sessions;
  }

  @Override
  public void add(List<OutgoingEvent> events) {
    long now = Time.currentTimeMillis();
    KeycloakModelUtils.runJobInTransaction(
        sessions,
        session -> {
          EntityManager entities = entities(session);
          for (int i = 0; i < events.size(); i++) {
            entities.persist(UnsentEventEntity.of(events.get(i), now, i));
          }
        });
  }

  @Override
  public List<OutgoingEvent> oldest(int max) {
    return KeycloakModelUtils.runJobInTransactionWithResult(
        sessions,
        session ->
            entities(session)
                .createNamedQuery("airtixOldestUnsentEvents", UnsentEventEntity.class)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(UnsentEventEntity::toOutgoingEvent)
                .toList());
  }

  @Override
  public void remove(List<OutgoingEvent> confirmed) {
    List<String> ids = confirmed.stream().map(event -> event.id().toString()).toList();
    KeycloakModelUtils.runJobInTransaction(
        sessions,
        session ->
            entities(session)
                .createNamedQuery("airtixRemoveUnsentEvents")
                .setParameter("ids", ids)
                .executeUpdate());
  }

  @Override
  public int count() {
    return KeycloakModelUtils.runJobInTransactionWithResult(
            sessions,
            session ->
                entities(session)
                    .createNamedQuery("airtixCountUnsentEvents", Long.class)
                    .getSingleResult())
        .intValue();
  }

  private static EntityManager entities(KeycloakSession session) {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
