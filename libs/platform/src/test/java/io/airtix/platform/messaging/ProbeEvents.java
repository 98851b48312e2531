package io.airtix.platform.messaging;

import io.airtix.events.AggregateEvent;
import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import java.time.Instant;
import java.util.UUID;

/**
 * A made-up aggregate ("probe") with two events, so the backbone is tested without any service's
 * events.
 */
final class ProbeEvents {

  /** Airtix's events plus the probe's. */
  static final EventTypes TYPES =
      EventTypes.AIRTIX
          .with(ProbeCreated.TYPE, ProbeCreated.class)
          .with(ProbeChanged.TYPE, ProbeChanged.class);

  /** A label the listener refuses to apply, every time: a poison message. */
  static final String POISON = "poison";

  /** The label of a change that ends its probe: nothing follows it. */
  static final String RETIRED = "retired";

  private ProbeEvents() {}

  record ProbeCreated(UUID probeId, long version, String tenant, String label)
      implements AggregateEvent {

    static final String TYPE = "probe.created";

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public String aggregateId() {
      return probeId.toString();
    }

    @Override
    public long aggregateVersion() {
      return version;
    }
  }

  record ProbeChanged(UUID probeId, long version, String tenant, String label)
      implements AggregateEvent {

    static final String TYPE = "probe.changed";

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public boolean endsAggregate() {
      return RETIRED.equals(label);
    }

    @Override
    public String aggregateId() {
      return probeId.toString();
    }

    @Override
    public long aggregateVersion() {
      return version;
    }
  }

  static EventEnvelope<ProbeCreated> created(UUID probe, String label) {
    return EventEnvelope.wrap(new ProbeCreated(probe, 0, "aerolux", label), Instant.now());
  }

  static EventEnvelope<ProbeChanged> changed(UUID probe, long version, String label) {
    return EventEnvelope.wrap(new ProbeChanged(probe, version, "aerolux", label), Instant.now());
  }
}
