package io.airtix.keycloak.events;

import io.airtix.events.AggregateEvent;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.AbstractKeycloakTransaction;

/**
 * Holds the lifecycle events of one Keycloak session until its transaction completes: on commit
 * they go to the publisher, on rollback they are forgotten, so the platform only hears of changes
 * Keycloak really stored.
 */
final class PublishAfterCommit extends AbstractKeycloakTransaction {

  private final BrokerPublisher publisher;
  private final List<AggregateEvent> events = new ArrayList<>();

  PublishAfterCommit(BrokerPublisher publisher) {
    this.publisher = publisher;
  }

  void add(List<AggregateEvent> more) {
    events.addAll(more);
  }

  @Override
  protected void commitImpl() {
    if (!events.isEmpty()) {
      publisher.send(
          events.stream()
              .map(event -> OutgoingEvent.of(event, LifecycleEvents.occurredAt(event)))
              .toList());
      events.clear();
    }
  }

  @Override
  protected void rollbackImpl() {
    events.clear();
  }
}
