package io.airtix.keycloak.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One event in Keycloak's database that the broker has not confirmed yet. Rows are written after
 * Keycloak's transaction committed and deleted once the broker confirmed them; the table is created
 * by {@code META-INF/airtix-changelog.xml}.
 */
@Entity
@Table(name = "AIRTIX_UNSENT_EVENT")
@NamedQueries({
  @NamedQuery(
      name = "airtixOldestUnsentEvents",
      query = "select e from UnsentEventEntity e order by e.createdAt, e.position, e.id"),
  @NamedQuery(
      name = "airtixRemoveUnsentEvents",
      query = "delete from UnsentEventEntity e where e.id in :ids"),
  @NamedQuery(name = "airtixCountUnsentEvents", query = "select count(e) from UnsentEventEntity e")
})
public class UnsentEventEntity {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "TYPE", length = 100, nullable = false)
  private String type;

  /** The envelope as the platform reads it; user events are far below this size. */
  @Column(name = "BODY", length = 4000, nullable = false)
  private String body;

  /** When Keycloak's transaction committed, in epoch milliseconds. */
  @Column(name = "CREATED_AT", nullable = false)
  private long createdAt;

  /** The event's place among those its transaction handed over at once. */
  @Column(name = "POSITION", nullable = false)
  private int position;

  protected UnsentEventEntity() {
    // for JPA
  }

  static UnsentEventEntity of(OutgoingEvent event, long createdAt, int position) {
    UnsentEventEntity entity = new UnsentEventEntity();
    entity.id = event.id().toString();
    entity.type = event.type();
    entity.body = event.text();
    entity.createdAt = createdAt;
    entity.position = position;
    return entity;
  }

  OutgoingEvent toOutgoingEvent() {
    return new OutgoingEvent(UUID.fromString(id), type, body.getBytes(StandardCharsets.UTF_8));
  }
}
