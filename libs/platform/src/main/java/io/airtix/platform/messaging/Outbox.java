package io.airtix.platform.messaging;

import io.airtix.events.AggregateEvent;
import io.airtix.events.EventEnvelope;
import java.time.Clock;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a service hands over the events of a change, inside the transaction that makes the change:
 *
 * <pre>{@code
 * @Transactional
 * TicketResponse create(...) {
 *   Ticket ticket = tickets.saveAndFlush(new Ticket(...));
 *   outbox.publish(new TicketCreated(...));
 *   ...
 * }
 * }</pre>
 *
 * The event is a row of the service's own database, so it commits or rolls back with the change,
 * and the write never depends on the broker being up. The relay publishes it after the commit.
 */
public class Outbox {

  private final OutboxStore store;
  private final EventJson json;
  private final Clock clock;
  private final Runnable wakeRelay;

  Outbox(OutboxStore store, EventJson json, Clock clock, Runnable wakeRelay) {
    this.store = store;
    this.json = json;
    this.clock = clock;
    this.wakeRelay = wakeRelay;
  }

  /** Wraps the event in a new envelope (fresh id, now) and publishes it; returns the envelope. */
  public <T extends AggregateEvent> EventEnvelope<T> publish(T event) {
    EventEnvelope<T> envelope = EventEnvelope.wrap(event, clock.instant());
    publish(envelope);
    return envelope;
  }

  /**
   * Adds the event to the outbox in the current transaction.
   *
   * @throws IllegalStateException outside a transaction: an event written on its own could describe
   *     a change that never commits, or be lost while the change commits
   */
  public void publish(EventEnvelope<?> envelope) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "Outbox.publish must run inside the transaction that makes the change ("
              + envelope.type()
              + " "
              + envelope.aggregateId()
              + ")");
    }
    store.insert(envelope, json.write(envelope), clock.millis());
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            wakeRelay.run();
          }
        });
  }
}
