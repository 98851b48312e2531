package io.airtix.platform.messaging;

import io.airtix.events.EventEnvelope;
import io.airtix.platform.messaging.ProbeEvents.ProbeChanged;
import io.airtix.platform.messaging.ProbeEvents.ProbeCreated;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies probe events the way a service applies its replicas: a row per application, written in
 * the inbox's transaction. Counts every attempt, including those that fail and roll back.
 */
class ProbeListener {

  private final JdbcClient jdbc;
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

  ProbeListener(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @InboxListener
  void on(ProbeCreated event) {
    apply(event.probeId().toString(), event.version(), event.label());
  }

  @InboxListener
  void on(EventEnvelope<ProbeChanged> event) {
    apply(event.aggregateId(), event.aggregateVersion(), event.payload().label());
  }

  private void apply(String probe, long version, String label) {
    attempts.computeIfAbsent(label, key -> new AtomicInteger()).incrementAndGet();
    if (ProbeEvents.POISON.equals(label)) {
      throw new IllegalStateException("Probe " + probe + " cannot take label " + label);
    }
    jdbc.sql(
            "INSERT INTO probe_effect (probe_id, version, label) VALUES (:probe, :version, :label)")
        .param("probe", probe)
        .param("version", version)
        .param("label", label)
        .update();
  }

  int attempts(String label) {
    AtomicInteger count = attempts.get(label);
    return count == null ? 0 : count.get();
  }

  /** Labels applied to a probe, in the order they were applied. */
  List<String> labels(String probe) {
    return jdbc.sql("SELECT label FROM probe_effect WHERE probe_id = :probe ORDER BY seq")
        .param("probe", probe)
        .query(String.class)
        .list();
  }

  /** Versions applied to a probe, in the order they were applied. */
  List<Long> versions(String probe) {
    return jdbc.sql("SELECT version FROM probe_effect WHERE probe_id = :probe ORDER BY seq")
        .param("probe", probe)
        .query(Long.class)
        .list();
  }
}
