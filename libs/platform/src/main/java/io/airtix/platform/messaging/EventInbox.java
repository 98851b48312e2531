package io.airtix.platform.messaging;

import io.airtix.events.AggregateEvent;
import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import io.airtix.platform.messaging.InboxListenerMethods.Handler;
import io.airtix.platform.messaging.InboxStore.Parked;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies delivered events to the service: each at most once (by event id), in version order per
 * aggregate, in one transaction with the listener's own writes. Acknowledging the message happens
 * after that transaction commits, so a crash in between redelivers an event the inbox then
 * recognises.
 */
final class EventInbox implements MessageListener {

  private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

  private final InboxStore store;
  private final InboxListenerMethods listeners;
  private final EventTypes types;
  private final EventJson json;
  private final TransactionTemplate transactions;
  private final Clock clock;

  EventInbox(
      InboxStore store,
      InboxListenerMethods listeners,
      EventTypes types,
      EventJson json,
      TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.listeners = listeners;
    this.types = types;
    this.json = json;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What became of a delivered event. */
  enum Outcome {
    APPLIED,
    DUPLICATE,
    STALE,
    PARKED,
    NOT_LISTENED_TO
  }

  @Override
  public void onMessage(Message message) {
    Outcome outcome = apply(new String(message.getBody(), StandardCharsets.UTF_8));
    log.debug("Event {}: {}", message.getMessageProperties().getMessageId(), outcome);
  }

  Outcome apply(String body) {
    EventEnvelope<Object> envelope = json.read(body);
    Handler handler = handlers().get(envelope.type());
    if (handler == null) {
      // a binding left from an earlier version of the service; nothing here wants it
      return Outcome.NOT_LISTENED_TO;
    }
    return transactions.execute(status -> applyInTransaction(envelope, handler, body));
  }

  boolean listensTo(String type) {
    return handlers().containsKey(type);
  }

  Map<String, Handler> handlers() {
    return listeners.handlers(types);
  }

  private Outcome applyInTransaction(EventEnvelope<Object> envelope, Handler handler, String body) {
    String eventId = envelope.id().toString();
    if (store.isApplied(eventId)) {
      return Outcome.DUPLICATE;
    }
    String stream = EventTypes.streamOf(envelope.type());
    long last = store.claim(stream, envelope.aggregateId());
    long version = envelope.aggregateVersion();
    if (handler.ordering() == EventOrdering.CONTIGUOUS) {
      long expected = last + 1;
      if (version < expected) {
        return Outcome.STALE;
      }
      if (version > expected) {
        if (!store.isParked(eventId)) {
          store.park(envelope, stream, body, clock.millis());
          log.info(
              "Event {} {} v{} waits for v{} of {}",
              envelope.type(),
              eventId,
              version,
              expected,
              envelope.aggregateId());
        }
        return Outcome.PARKED;
      }
    } else if (version <= last) {
      return Outcome.STALE;
    }
    applyOne(envelope, handler, stream, last);
    if (handler.ordering() == EventOrdering.CONTIGUOUS) {
      applyParkedSuccessors(stream, envelope.aggregateId(), version);
    } else {
      store.unparkUpTo(stream, envelope.aggregateId(), version);
    }
    return Outcome.APPLIED;
  }

  private void applyOne(EventEnvelope<Object> envelope, Handler handler, String stream, long last) {
    handler.invoke(envelope);
    long now = clock.millis();
    store.recordApplied(envelope, now);
    store.advance(
        stream, envelope.aggregateId(), last, envelope.aggregateVersion(), now, ends(envelope));
  }

  private static boolean ends(EventEnvelope<Object> envelope) {
    return envelope.payload() instanceof AggregateEvent event && event.endsAggregate();
  }

  /** The events that waited for this one, in version order, in the same transaction. */
  private void applyParkedSuccessors(String stream, String aggregateId, long applied) {
    long version = applied;
    while (true) {
      long next = version + 1;
      Parked parked = store.parked(stream, aggregateId, next).stream().findFirst().orElse(null);
      if (parked == null) {
        return;
      }
      EventEnvelope<Object> envelope = json.read(parked.body());
      Handler handler = handlers().get(envelope.type());
      store.unpark(parked.eventId());
      if (handler != null && !store.isApplied(parked.eventId())) {
        applyOne(envelope, handler, stream, version);
      } else {
        store.advance(stream, aggregateId, version, next, clock.millis(), ends(envelope));
      }
      version = next;
    }
  }
}
