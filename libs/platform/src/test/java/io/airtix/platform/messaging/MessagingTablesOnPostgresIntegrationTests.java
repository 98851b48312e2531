package io.airtix.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.platform.messaging.OutboxStore.OutboxRow;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The distributed database, where several instances of a service relay side by side. */
class MessagingTablesOnPostgresIntegrationTests extends MessagingTablesContract {

  private static ScratchPostgres postgres;

  @BeforeAll
  static void createDatabase() {
    postgres = ScratchPostgres.create();
  }

  @AfterAll
  static void dropDatabase() {
    if (postgres != null) {
      postgres.drop();
    }
  }

  @Override
  DataSource dataSource() {
    return postgres.dataSource();
  }

  @Test
  void letsTwoRelaysClaimDifferentRowsAtTheSameTime() throws Exception {
    tx.executeWithoutResult(status -> {
      for (int i = 0; i < 4; i++) {
        outbox.publish(ProbeEvents.created(UUID.randomUUID(), "row " + i));
      }
    });
    CountDownLatch firstClaimed = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);

    CompletableFuture<List<OutboxRow>> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
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
    assertThat(second).hasSize(2).extracting(OutboxRow::position)
        .doesNotContainAnyElementsOf(claimedFirst.stream().map(OutboxRow::position).toList());
  }

  @Test
  void letsOnlyTheRelaysOwnTransactionCommitWithoutWaitingForTheDisk() throws Exception {
    // one connection for both transactions, as a pool would hand the same one out again
    try (Connection connection = dataSource.getConnection()) {
      SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
      JdbcClient sameConnection = JdbcClient.create(single);
      TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(single));
      OutboxStore store = new OutboxStore(sameConnection, database);

      String during = transactions.execute(status -> {
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
    }
    catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
  }
}
