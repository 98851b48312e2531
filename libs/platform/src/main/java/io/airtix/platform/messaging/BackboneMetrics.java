package io.airtix.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;

/**
 * How the service's part of the backbone is doing, read from its tables when Prometheus scrapes:
 * events committed and not yet confirmed by the broker, how long the oldest of them has waited, and
 * events parked for a predecessor. The alert rules in {@code infra/observability} watch them; the
 * dead letters are counted where they are sent ({@link DeadLetters}).
 */
final class BackboneMetrics implements MeterBinder {

  private final OutboxStore outbox;
  private final InboxStore inbox;
  private final Clock clock;

  BackboneMetrics(OutboxStore outbox, InboxStore inbox, Clock clock) {
    this.outbox = outbox;
    this.inbox = inbox;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("airtix.outbox.pending", outbox, OutboxStore::countPending)
        .description("Events committed and not yet confirmed by the broker")
        .register(registry);
    Gauge.builder("airtix.outbox.oldest.pending.age", this, BackboneMetrics::oldestPendingAge)
        .description("How long the oldest event not yet confirmed by the broker has waited")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("airtix.inbox.parked", inbox, InboxStore::countParked)
        .description("Events waiting for a predecessor of their aggregate to be applied")
        .register(registry);
  }

  private double oldestPendingAge() {
    return outbox
        .oldestPendingCreatedAt()
        .map(createdAt -> Math.max(0, clock.millis() - createdAt) / 1000.0)
        .orElse(0.0);
  }
}
