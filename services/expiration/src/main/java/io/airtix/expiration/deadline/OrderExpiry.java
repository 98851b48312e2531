package io.airtix.expiration.deadline;

import io.airtix.platform.messaging.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires passed deadlines: marks the deadline fired and writes order.expired to the outbox in one
 * transaction. The mark is a conditional update of a pending row, so a deadline fires once however
 * many instances, threads, sweeps and redeliveries reach it; the loser of a race changes nothing
 * and publishes nothing. A hold that fires leaves the row pending for the end of the payment
 * window, which the index learns of at once.
 */
@Component
class OrderExpiry {

  private static final Logger log = LoggerFactory.getLogger(OrderExpiry.class);

  private final Deadlines deadlines;
  private final DeadlineIndex index;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final int batchSize;
  private final Duration paymentWindow;
  private final Counter fired;
  private final Timer lateness;

  OrderExpiry(
      Deadlines deadlines,
      DeadlineIndex index,
      Outbox outbox,
      PlatformTransactionManager transactionManager,
      Clock clock,
      ExpirySettings settings,
      MeterRegistry meters) {
    this.deadlines = deadlines;
    this.index = index;
    this.outbox = outbox;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.batchSize = settings.batchSize();
    this.paymentWindow = settings.paymentWindow();
    this.fired =
        Counter.builder("airtix.expiration.deadlines.fired")
            .description(
                "Order deadlines fired (order.expired published: holds and payment windows) by"
                    + " this instance")
            .register(meters);
    this.lateness =
        Timer.builder("airtix.expiration.lateness")
            .description(
                "How long after its deadline an order's hold or payment window was fired (committed"
                    + " with its order.expired)")
            .publishPercentileHistogram()
            // the alert on late expirations draws its line at 5 s: a bucket ends exactly there
            .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(meters);
    Gauge.builder("airtix.expiration.deadlines.pending", deadlines, Deadlines::countPending)
        .description("Holds waiting to run out, as the database counts them")
        .register(meters);
    Gauge.builder(
            "airtix.expiration.payment.windows.open", deadlines, Deadlines::countOpenPaymentWindows)
        .description("Orders whose hold ran out and whose payment window is open")
        .register(meters);
  }

  /** Fires the passed deadlines the index knows of; returns how many fired here. */
  int firePassedInIndex() {
    int count = 0;
    List<UUID> passed;
    do {
      Instant now = clock.instant();
      passed = index.passed(now, batchSize);
      for (UUID orderId : passed) {
        // fired here or settled elsewhere: either way nothing is left to do for this deadline
        index.remove(orderId);
        if (fire(orderId, now)) {
          count++;
        }
      }
    } while (passed.size() == batchSize);
    return count;
  }

  /**
   * Fires the passed deadlines the database holds, whatever the index knows; returns how many fired
   * here.
   */
  int firePassedInDatabase() {
    int count = 0;
    List<Deadline> passed;
    do {
      Instant now = clock.instant();
      passed = deadlines.passed(now, batchSize);
      for (Deadline deadline : passed) {
        index.remove(deadline.orderId());
        if (fire(deadline.orderId(), now)) {
          count++;
        }
      }
    } while (passed.size() == batchSize);
    return count;
  }

  /** Puts every pending deadline into the index, as a start does. */
  int indexPending() {
    List<Deadline> pending = deadlines.pending();
    pending.forEach(deadline -> index.add(deadline.orderId(), deadline.expiresAt()));
    return pending.size();
  }

  /**
   * Fires one deadline if it is pending and passed at {@code now}; whether this call fired it. A
   * hold that fired here puts the end of its payment window into the index.
   */
  boolean fire(UUID orderId, Instant now) {
    Optional<Deadline> firedHere =
        transactions.execute(
            status -> {
              Optional<Deadline> deadline = deadlines.fire(orderId, now, paymentWindow);
              deadline.ifPresent(passed -> outbox.publish(passed.expired()));
              return deadline;
            });
    if (firedHere == null || firedHere.isEmpty()) {
      return false;
    }
    fired.increment();
    Deadline passed = firedHere.get();
    lateness.record(Duration.between(passed.expiresAt(), clock.instant()));
    if (passed.stage() == DeadlineStage.HOLD) {
      Instant windowClosesAt = passed.expiresAt().plus(paymentWindow);
      index.add(orderId, windowClosesAt);
      log.debug("Order {}: hold ran out, payment window open until {}", orderId, windowClosesAt);
    } else {
      log.debug("Order {}: payment window closed", orderId);
    }
    return true;
  }
}
