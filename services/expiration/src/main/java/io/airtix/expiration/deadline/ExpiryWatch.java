package io.airtix.expiration.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The thread that fires deadlines as they pass. At start it first fires, straight from the
 * database, what passed while no instance ran, then loads the pending deadlines into the index.
 * Afterwards it sleeps until the earliest indexed deadline (at most the poll interval), fires what
 * passed, and every sweep interval asks the database again. A failure (database or Redis away) is
 * logged and retried at the next poll; the deadlines wait in the database.
 */
@Component
class ExpiryWatch implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ExpiryWatch.class);

  private final OrderExpiry expiry;
  private final DeadlineIndex index;
  private final Clock clock;
  private final ExpirySettings settings;
  private final Object signal = new Object();
  private volatile boolean running;
  private boolean woken;
  private Thread thread;

  ExpiryWatch(OrderExpiry expiry, DeadlineIndex index, Clock clock, ExpirySettings settings) {
    this.expiry = expiry;
    this.index = index;
    this.clock = clock;
    this.settings = settings;
  }

  /** A deadline was added, maybe earlier than the one the watch sleeps for. */
  void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::watch, "airtix-expiry-watch");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    wake();
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void watch() {
    boolean loaded = false;
    Instant nextSweep = Instant.MIN;
    while (running) {
      try {
        if (!clock.instant().isBefore(nextSweep)) {
          int fired = expiry.firePassedInDatabase();
          if (fired > 0) {
            log.info("Fired {} deadlines that passed unseen by the index", fired);
          }
          nextSweep = clock.instant().plus(settings.sweepInterval());
        }
        if (!loaded) {
          log.info("Watching {} pending order deadlines", expiry.indexPending());
          loaded = true;
        }
        expiry.firePassedInIndex();
        sleep(nextWait(index.earliest(), clock.instant(), settings.pollInterval()));
      } catch (RuntimeException e) {
        log.warn(
            "Could not fire order deadlines; retrying in {}: {}",
            settings.pollInterval(),
            e.toString());
        sleep(settings.pollInterval());
      }
    }
  }

  /**
   * Until the earliest deadline, but never longer than the poll interval, and not at all once it
   * passed.
   */
  static Duration nextWait(Optional<Instant> earliest, Instant now, Duration pollInterval) {
    if (earliest.isEmpty()) {
      return pollInterval;
    }
    Duration untilEarliest = Duration.between(now, earliest.get());
    if (untilEarliest.isNegative()) {
      return Duration.ZERO;
    }
    return untilEarliest.compareTo(pollInterval) < 0 ? untilEarliest : pollInterval;
  }

  private void sleep(Duration duration) {
    synchronized (signal) {
      long deadline = System.nanoTime() + duration.toNanos();
      while (running && !woken) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        try {
          signal.wait(Math.max(1, remaining / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      woken = false;
    }
  }
}
