package io.airtix.platform.retention;

import io.airtix.platform.background.BackgroundThread;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the service's {@link Purge}s every interval, on a thread of its own. */
public final class Purges implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Purges.class);

  private final List<Purge> purges;
  private final RetentionSettings settings;
  private final Clock clock;
  private volatile ScheduledExecutorService executor;

  public Purges(List<Purge> purges, RetentionSettings settings, Clock clock) {
    this.purges = List.copyOf(purges);
    this.settings = settings;
    this.clock = clock;
  }

  /** Purges each of them once, each of what is older than its retention is now. */
  public void runOnce() {
    for (Purge purge : purges) {
      try {
        int purged = purge.purgeBefore(clock.instant().minus(purge.retention()));
        if (purged > 0) {
          log.info("Purged {} {} older than {}", purged, purge.name(), purge.retention());
        }
      } catch (RuntimeException ex) {
        // the database may be briefly unavailable; the next interval tries again
        log.warn("Purge of {} failed: {}", purge.name(), ex.toString());
      }
    }
  }

  @Override
  public void start() {
    if (purges.isEmpty()) {
      return;
    }
    ScheduledExecutorService started = BackgroundThread.scheduler("airtix-purges");
    executor = started;
    long interval = settings.interval().toMillis();
    started.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
