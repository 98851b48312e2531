package io.airtix.expiration.deadline;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.platform.messaging.EventOrdering;
import io.airtix.platform.messaging.InboxListener;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps one deadline per order from the orders service's events. NEWER_ONLY: this service reacts to
 * three types of the order stream and needs no other, and an order.cancelled or order.completed
 * that overtook its order.created makes the late order.created older than what was applied, so it
 * is ignored and no deadline is ever scheduled.
 *
 * <p>The index learns of a change only after it commits: an index entry for a deadline not yet in
 * the database would be fired, found missing, and forgotten.
 */
@Component
class OrderDeadlines {

  private static final Logger log = LoggerFactory.getLogger(OrderDeadlines.class);

  private final Deadlines deadlines;
  private final DeadlineIndex index;
  private final ExpiryWatch watch;
  private final Clock clock;

  OrderDeadlines(Deadlines deadlines, DeadlineIndex index, ExpiryWatch watch, Clock clock) {
    this.deadlines = deadlines;
    this.index = index;
    this.watch = watch;
    this.clock = clock;
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCreated order) {
    Deadline deadline = Deadline.of(order);
    if (deadlines.schedule(deadline, clock.instant())) {
      afterCommit(
          () -> {
            index.add(deadline.orderId(), deadline.expiresAt());
            watch.wake();
          });
    }
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCancelled order) {
    drop(order.orderId());
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(OrderCompleted order) {
    drop(order.orderId());
  }

  private void drop(UUID orderId) {
    if (deadlines.drop(orderId, clock.instant())) {
      afterCommit(() -> index.remove(orderId));
    }
  }

  /**
   * The database has the change; an index that missed it is put right by the watch: its database
   * sweep fires a deadline the index lacks, and a fire of a deadline settled meanwhile changes
   * nothing and clears the entry.
   */
  private static void afterCommit(Runnable indexUpdate) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            try {
              indexUpdate.run();
            } catch (RuntimeException e) {
              log.warn(
                  "Could not update the index of deadlines; the database sweep covers it: {}",
                  e.toString());
            }
          }
        });
  }
}
