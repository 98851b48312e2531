package io.airtix.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.platform.messaging.OutboxStore.OutboxRow;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
