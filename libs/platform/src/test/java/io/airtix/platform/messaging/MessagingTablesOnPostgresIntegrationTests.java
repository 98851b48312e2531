package io.airtix.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.EventEnvelope;
import io.airtix.platform.messaging.OutboxStore.OutboxRow;
import io.airtix.platform.messaging.ProbeEvents.ProbeChanged;
import io.airtix.platform.messaging.ProbeEvents.ProbeCreated;
import io.airtix.testing.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The distributed database, where several instances of a service relay side by side and consume
 * side by side.
 */
class MessagingTablesOnPostgresIntegrationTests extends MessagingTablesContract {

  private static PostgresTestDatabase postgres;

  @BeforeAll
  static void createDatabase() {
    postgres = PostgresTestDatabase.create("messaging");
  }

  @AfterAll
  static void dropDatabase() {
    if (postgres != null) {
      postgres.drop();
    }
  }

  @Override
  DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(postgres.jdbcUrl());
    dataSource.setUser(PostgresTestDatabase.user());
    dataSource.setPassword(PostgresTestDatabase.password());
    return dataSource;
  }

  @Test
  void letsTwoRelaysClaimDifferentRowsAtTheSameTime() throws Exception {
    tx.executeWithoutResult(
        status -> {
          for (int i = 0; i < 4; i++) {
            outbox.publish(ProbeEvents.created(UUID.randomUUID(), "row " + i));
          }
        });
    CountDownLatch firstClaimed = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);

    CompletableFuture<List<OutboxRow>> first =
        CompletableFuture.supplyAsync(
            () ->
                tx.execute(
                    status -> {
                      List<OutboxRow> rows = outboxStore.due(Long.MAX_VALUE, 2);
                      firstClaimed.countDown();
                      await(secondDone);
                      return rows;
                    }));
    await(firstClaimed);
    List<OutboxRow> second = tx.execute(status -> outboxStore.due(Long.MAX_VALUE, 10));
    secondDone.countDown();

    List<OutboxRow> claimedFirst = first.get(10, TimeUnit.SECONDS);
    assertThat(claimedFirst).hasSize(2);
    assertThat(second)
        .hasSize(2)
        .extracting(OutboxRow::position)
        .doesNotContainAnyElementsOf(claimedFirst.stream().map(OutboxRow::position).toList());
  }

  @Test
  void letsOnlyTheRelaysOwnTransactionCommitWithoutWaitingForTheDisk() throws Exception {
    // one connection for both transactions, as a pool would hand the same one out again
    try (Connection connection = dataSource.getConnection()) {
      SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
      JdbcClient sameConnection = JdbcClient.create(single);
      TransactionTemplate transactions =
          new TransactionTemplate(new DataSourceTransactionManager(single));
      OutboxStore store = new OutboxStore(sameConnection, database);

      String during =
          transactions.execute(
              status -> {
                store.commitWithoutWaitingForTheDisk();
                return synchronousCommit(sameConnection);
              });
      String after = transactions.execute(status -> synchronousCommit(sameConnection));

      assertThat(during).isEqualTo("off");
      assertThat(after).isEqualTo("on");
    }
  }

  private static String synchronousCommit(JdbcClient jdbc) {
    return jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
  }

  @Test
  void appliesAVersionThatArrivesWhileItsPredecessorIsBeingApplied() throws Exception {
    CountDownLatch successorDone = new CountDownLatch(1);
    HoldingListener listener = new HoldingListener(successorDone);
    EventInbox applying = inboxApplyingTo(listener);
    UUID probe = UUID.randomUUID();
    applying.apply(json.write(ProbeEvents.created(probe, "v0")));

    // v1's transaction has applied v1 and looked for parked successors, and waits before it commits
    // (at most 3 s); v2 comes to a second consumer meanwhile
    CompletableFuture<EventInbox.Outcome> first =
        CompletableFuture.supplyAsync(
            () -> applying.apply(json.write(ProbeEvents.changed(probe, 1, HoldingListener.HOLD))));
    listener.held.await(10, TimeUnit.SECONDS);
    CompletableFuture<EventInbox.Outcome> second =
        CompletableFuture.supplyAsync(
            () -> applying.apply(json.write(ProbeEvents.changed(probe, 2, "v2"))));
    second.whenComplete((outcome, failure) -> successorDone.countDown());

    assertThat(first.get(1, TimeUnit.MINUTES)).isEqualTo(EventInbox.Outcome.APPLIED);
    second.get(1, TimeUnit.MINUTES);
    // without waiting its turn, the second consumer parked v2 where v1's transaction no longer
    // looked
    assertThat(listener.versions).containsExactly(0L, 1L, 2L);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM airtix_inbox_parked WHERE aggregate_id = :id")
                .param("id", probe.toString())
                .query(Long.class)
                .single())
        .isZero();
  }

  private EventInbox inboxApplyingTo(Object listener) {
    InboxListenerMethods listeners = new InboxListenerMethods();
    listeners.postProcessAfterInitialization(listener, "probeListener");
    return new EventInbox(inbox, listeners, ProbeEvents.TYPES, json, tx, Clock.systemUTC());
  }

  /**
   * Records the versions it applies; the one labelled "hold" keeps its transaction open until told
   * to go on.
   */
  static final class HoldingListener {

    static final String HOLD = "hold";

    final List<Long> versions = new CopyOnWriteArrayList<>();
    final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release;

    HoldingListener(CountDownLatch release) {
      this.release = release;
    }

    @InboxListener
    void on(ProbeCreated event) {
      versions.add(event.version());
    }

    @InboxListener
    void on(EventEnvelope<ProbeChanged> event) {
      versions.add(event.aggregateVersion());
      if (HOLD.equals(event.payload().label())) {
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void beforeCommit(boolean readOnly) {
                held.countDown();
                try {
                  release.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
      }
    }
  }
}
