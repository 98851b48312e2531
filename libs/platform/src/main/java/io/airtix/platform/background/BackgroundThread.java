package io.airtix.platform.background;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one thread of a service's recurring background job (the outbox relay, the purges, the
 * deny-list's copy): named for thread dumps and logs, and a daemon, so a job that is still running
 * never keeps the JVM alive after the application context closed.
 */
public final class BackgroundThread {

  private BackgroundThread() {}

  /** A scheduler running its tasks one after another on a daemon thread called {@code name}. */
  public static ScheduledExecutorService scheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }
}
