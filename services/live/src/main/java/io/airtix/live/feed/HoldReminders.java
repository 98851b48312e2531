package io.airtix.live.feed;

import io.airtix.events.EventEnvelope;
import io.airtix.events.orders.OrderAwaitingPayment;
import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.live.connection.Connections;
import io.airtix.live.message.EventTranslation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Tells a customer that their hold ends soon ({@code order.hold-ending}, {@code ahead} of its
 * {@code expiresAt}), unless the order was paid for, cancelled or sold first. Every instance keeps
 * the reminders of the holds it heard of; one started before the instance is not reminded of.
 */
final class HoldReminders {

  private final Duration ahead;
  private final EventTranslation translation;
  private final Connections connections;
  private final Clock clock;
  private final Map<UUID, Disposable> pending = new ConcurrentHashMap<>();

  HoldReminders(
      Duration ahead, EventTranslation translation, Connections connections, Clock clock) {
    this.ahead = ahead;
    this.translation = translation;
    this.connections = connections;
    this.clock = clock;
  }

  void on(EventEnvelope<?> event) {
    Object payload = event.payload();
    if (payload instanceof OrderCreated created && created.customerId() != null) {
      remind(created);
    } else if (payload instanceof OrderAwaitingPayment awaiting) {
      forget(awaiting.orderId());
    } else if (payload instanceof OrderCancelled cancelled) {
      forget(cancelled.orderId());
    } else if (payload instanceof OrderCompleted completed) {
      forget(completed.orderId());
    }
  }

  private void remind(OrderCreated created) {
    Instant now = clock.instant();
    Instant remindAt = created.expiresAt().minus(ahead);
    if (!created.expiresAt().isAfter(now)) {
      return;
    }
    Duration wait = remindAt.isAfter(now) ? Duration.between(now, remindAt) : Duration.ZERO;
    Disposable reminder =
        Mono.delay(wait)
            .subscribe(
                done -> {
                  pending.remove(created.orderId());
                  connections.publish(
                      List.of(
                          translation.holdEnding(
                              created.orderId(),
                              created.ticketId(),
                              created.airline(),
                              created.customerId(),
                              created.expiresAt(),
                              clock.instant())));
                });
    Disposable previous = pending.put(created.orderId(), reminder);
    if (previous != null) {
      previous.dispose();
    }
  }

  private void forget(UUID orderId) {
    Disposable reminder = pending.remove(orderId);
    if (reminder != null) {
      reminder.dispose();
    }
  }

  int pending() {
    return pending.size();
  }

  void stop() {
    pending.values().forEach(Disposable::dispose);
    pending.clear();
  }
}
