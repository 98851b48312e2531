package io.airtix.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.events.EventEnvelope;
import io.airtix.platform.messaging.OutboxStore.OutboxRow;
import io.airtix.platform.messaging.ProbeEvents.ProbeChanged;
import io.airtix.platform.messaging.ProbeEvents.ProbeCreated;
import io.airtix.platform.retention.Purge;
import io.airtix.platform.retention.Purges;
import io.airtix.platform.retention.RetentionSettings;
import io.airtix.testing.time.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and inbox tables on each database a service may use, migrated by the platform beside a
 * service table that exists already (as in a service whose own Flyway ran first).
 */
abstract class MessagingTablesContract {

  DataSource dataSource;
  JdbcClient jdbc;
  TransactionTemplate tx;
  OutboxStore outboxStore;
  InboxStore inbox;
  Outbox outbox;
  MessagingDatabase database;
  EventJson json;

  abstract DataSource dataSource();

  @BeforeEach
  void migrate() {
    dataSource = dataSource();
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("CREATE TABLE IF NOT EXISTS service_table (id VARCHAR(36) PRIMARY KEY)").update();
    database = MessagingDatabase.of(dataSource);
    MessagingSchema.migrate(dataSource, database);
    tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    outboxStore = new OutboxStore(jdbc, database);
    inbox = new InboxStore(jdbc, database);
    json = new EventJson(ProbeEvents.TYPES);
    outbox = new Outbox(outboxStore, json, Clock.systemUTC(), () -> {});
    jdbc.sql("DELETE FROM airtix_outbox").update();
  }

  @Test
  void migratesOnceWithItsOwnHistory() {
    MessagingSchema.migrate(dataSource, database);

    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM "
                        + MessagingSchema.HISTORY_TABLE
                        + " WHERE success = TRUE")
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void keepsAnEventOnlyWhenItsTransactionCommits() {
    EventEnvelope<?> kept = ProbeEvents.created(UUID.randomUUID(), "kept");
    EventEnvelope<?> lost = ProbeEvents.created(UUID.randomUUID(), "lost");

    tx.executeWithoutResult(
        status -> {
          jdbc.sql("INSERT INTO service_table (id) VALUES (:id)")
              .param("id", kept.aggregateId())
              .update();
          outbox.publish(kept);
        });
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("INSERT INTO service_table (id) VALUES (:id)")
              .param("id", lost.aggregateId())
              .update();
          outbox.publish(lost);
          status.setRollbackOnly();
        });

    assertThat(outboxStore.due(Long.MAX_VALUE, 10))
        .extracting(OutboxRow::eventId)
        .containsExactly(kept.id().toString());
    assertThat(jdbc.sql("SELECT body FROM airtix_outbox").query(String.class).single())
        .contains("\"type\":\"probe.created\"")
        .doesNotContain("io.airtix");
  }

  @Test
  void refusesToPublishOutsideATransaction() {
    assertThatThrownBy(() -> outbox.publish(ProbeEvents.created(UUID.randomUUID(), "alone")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void handsOutDueRowsOldestFirstAndRemembersWhatBecameOfThem() {
    List<EventEnvelope<?>> events =
        List.of(
            ProbeEvents.created(UUID.randomUUID(), "a"),
            ProbeEvents.created(UUID.randomUUID(), "b"),
            ProbeEvents.created(UUID.randomUUID(), "c"));
    tx.executeWithoutResult(status -> events.forEach(outbox::publish));
    long now = System.currentTimeMillis();
    List<OutboxRow> due = outboxStore.due(now, 10);

    tx.executeWithoutResult(
        status -> {
          outboxStore.markSent(List.of(due.get(0).position()), now);
          outboxStore.reschedule(due.get(1).position(), now + 60_000, "broker unavailable");
        });

    assertThat(due)
        .extracting(OutboxRow::eventId)
        .containsExactly(events.stream().map(e -> e.id().toString()).toArray(String[]::new));
    assertThat(outboxStore.due(now, 10))
        .extracting(OutboxRow::eventId)
        .containsExactly(events.get(2).id().toString());
    assertThat(outboxStore.due(now + 60_000, 10))
        .extracting(OutboxRow::eventId)
        .containsExactly(events.get(1).id().toString(), events.get(2).id().toString());
    assertThat(outboxStore.due(now + 60_000, 10).get(0).attempts()).isEqualTo(1);
    assertThat(outboxStore.countPending()).isEqualTo(2);
    assertThat(outboxStore.deleteDoneBefore(now + 1)).isEqualTo(1);
  }

  @Test
  void recordsAppliedEventsAndMovesEachAggregateForwardOnlyFromWhereItIs() {
    EventEnvelope<?> first = ProbeEvents.created(UUID.randomUUID(), "first");
    tx.executeWithoutResult(
        status -> {
          inbox.recordApplied(first, 1);
          inbox.advance(
              "probe", first.aggregateId(), inbox.claim("probe", first.aggregateId()), 0, 1, false);
        });
    tx.executeWithoutResult(status -> inbox.advance("probe", first.aggregateId(), 0L, 1, 2, false));

    assertThat(inbox.isApplied(first.id().toString())).isTrue();
    Long position = tx.execute(status -> inbox.claim("probe", first.aggregateId()));
    assertThat(position).isEqualTo(1);
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> inbox.advance("probe", first.aggregateId(), 0L, 1, 3, false)))
        .isInstanceOf(InboxStore.ConcurrentInboxUpdateException.class);
    // SQLite's constraint error is not translated to DataIntegrityViolationException; any failure
    // rolls back
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> inbox.recordApplied(first, 2)))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void reportsTheEventsWaitingForTheBrokerHowLongTheOldestWaitedAndTheEventsParked() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    Outbox timed = new Outbox(outboxStore, json, clock, () -> {});
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    new BackboneMetrics(outboxStore, inbox, clock).bindTo(meters);
    double parked = gauge(meters, "airtix.inbox.parked");
    assertThat(gauge(meters, "airtix.outbox.pending")).isZero();
    assertThat(gauge(meters, "airtix.outbox.oldest.pending.age")).isZero();

    tx.executeWithoutResult(status -> timed.publish(ProbeEvents.created(UUID.randomUUID(), "a")));
    clock.advance(Duration.ofSeconds(45));
    tx.executeWithoutResult(status -> timed.publish(ProbeEvents.created(UUID.randomUUID(), "b")));
    EventEnvelope<?> early = ProbeEvents.changed(UUID.randomUUID(), 3, "early");
    tx.executeWithoutResult(status -> inbox.park(early, "probe", json.write(early), 0));

    assertThat(gauge(meters, "airtix.outbox.pending")).isEqualTo(2);
    assertThat(gauge(meters, "airtix.outbox.oldest.pending.age")).isEqualTo(45);
    assertThat(gauge(meters, "airtix.inbox.parked")).isEqualTo(parked + 1);
  }

  private static double gauge(SimpleMeterRegistry meters, String name) {
    return meters.get(name).gauge().value();
  }

  @Test
  void forgetsAppliedIdsAndThePositionsOfEndedAggregatesButNotOfLivingOnesInSequence() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    EventInbox applying = inboxApplyingTo(new ProbesInSequence(), clock);
    UUID living = UUID.randomUUID();
    UUID retired = UUID.randomUUID();
    EventEnvelope<?> livingCreated = ProbeEvents.created(living, "v0");
    apply(applying, livingCreated);
    apply(applying, ProbeEvents.created(retired, "v0"));
    apply(applying, ProbeEvents.changed(retired, 1, ProbeEvents.RETIRED));
    clock.advance(Duration.ofDays(31));
    UUID recent = UUID.randomUUID();
    EventEnvelope<?> recentCreated = ProbeEvents.created(recent, "v0");
    apply(applying, recentCreated);

    purgesOf(new InboxPurge(inbox, applying), clock).runOnce();

    assertThat(inbox.isApplied(livingCreated.id().toString())).isFalse();
    assertThat(inbox.isApplied(recentCreated.id().toString())).isTrue();
    assertThat(positionOf(living)).contains(0L);
    assertThat(positionOf(retired)).isEmpty();
    assertThat(positionOf(recent)).contains(0L);
    // the living probe's position stays: a copy of its first event is still old, its next is next
    assertThat(apply(applying, livingCreated)).isEqualTo(EventInbox.Outcome.STALE);
    assertThat(apply(applying, ProbeEvents.changed(living, 1, "v1")))
        .isEqualTo(EventInbox.Outcome.APPLIED);
  }

  @Test
  void forgetsThePositionsOfAStreamAppliedNewerOnlyOnceTheyHaveNotMovedForTheRetention() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    EventInbox applying = inboxApplyingTo(new ProbesNewerOnly(), clock);
    UUID quiet = UUID.randomUUID();
    apply(applying, ProbeEvents.created(quiet, "v0"));
    clock.advance(Duration.ofDays(29));
    UUID busy = UUID.randomUUID();
    apply(applying, ProbeEvents.created(busy, "v0"));
    clock.advance(Duration.ofDays(2));

    purgesOf(new InboxPurge(inbox, applying), clock).runOnce();

    assertThat(positionOf(quiet)).isEmpty();
    assertThat(positionOf(busy)).contains(0L);
    assertThat(apply(applying, ProbeEvents.changed(quiet, 5, "v5")))
        .isEqualTo(EventInbox.Outcome.APPLIED);
  }

  private EventInbox inboxApplyingTo(Object listener, Clock clock) {
    InboxListenerMethods listeners = new InboxListenerMethods();
    listeners.postProcessAfterInitialization(listener, "probeListener");
    return new EventInbox(inbox, listeners, ProbeEvents.TYPES, json, tx, clock);
  }

  private EventInbox.Outcome apply(EventInbox applying, EventEnvelope<?> envelope) {
    return applying.apply(json.write(envelope));
  }

  private static Purges purgesOf(InboxPurge purge, Clock clock) {
    return new Purges(
        List.of(new Purge("applied event ids", Duration.ofDays(30), purge::purgeBefore)),
        new RetentionSettings(Duration.ofHours(1)),
        clock);
  }

  private Optional<Long> positionOf(UUID probe) {
    return jdbc.sql(
            "SELECT version FROM airtix_inbox_position WHERE stream = 'probe' AND aggregate_id = ?")
        .param(probe.toString())
        .query(Long.class)
        .optional();
  }

  /** Applies the probe stream in sequence, as a replica does. */
  static final class ProbesInSequence {

    @InboxListener
    void on(ProbeCreated event) {}

    @InboxListener
    void on(ProbeChanged event) {}
  }

  /** Reacts to the probe stream's newest events only. */
  static final class ProbesNewerOnly {

    @InboxListener(ordering = EventOrdering.NEWER_ONLY)
    void on(ProbeCreated event) {}

    @InboxListener(ordering = EventOrdering.NEWER_ONLY)
    void on(ProbeChanged event) {}
  }
}
