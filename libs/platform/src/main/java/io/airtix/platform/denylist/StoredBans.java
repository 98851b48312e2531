package io.airtix.platform.denylist;

import io.airtix.platform.background.BackgroundThread;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Seeds an instance's deny-list in memory from the durable copy in Redis before the instance takes
 * requests, and copies it again every {@code refresh}: a restarted instance knows the bans made
 * while it was down, and one that started while Redis was unreachable catches up once Redis
 * answers. Copying is idempotent (an entry only ever moves a cutoff forward), so it may overlap
 * with the feeds.
 */
final class StoredBans implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(StoredBans.class);

  /** Before the web server starts (its phase is {@code DEFAULT_PHASE - 1024}). */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

  private final RedisDenyList stored;
  private final DenyList memory;
  private final Duration refresh;
  private volatile @Nullable ScheduledExecutorService copier;

  StoredBans(RedisDenyList stored, DenyList memory, Duration refresh) {
    this.stored = stored;
    this.memory = memory;
    this.refresh = refresh;
  }

  /** The durable copy, which the service's durable deny-list queue writes. */
  RedisDenyList stored() {
    return stored;
  }

  /** Copies the durable entries into memory; false when Redis could not be read. */
  boolean copy() {
    try {
      stored.copyInto(memory);
      return true;
    } catch (RuntimeException unreachable) {
      LOG.warn(
          "The stored deny-list could not be read; this instance refuses the bans it heard itself"
              + " and tries again in {}: {}",
          refresh,
          unreachable.toString());
      return false;
    }
  }

  @Override
  public void start() {
    if (copy()) {
      LOG.info("Deny-list seeded from its stored copy");
    }
    ScheduledExecutorService scheduler = BackgroundThread.scheduler("airtix-deny-list-copy");
    scheduler.scheduleWithFixedDelay(
        this::copy, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    copier = scheduler;
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = copier;
    copier = null;
    if (running != null) {
      running.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return copier != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
