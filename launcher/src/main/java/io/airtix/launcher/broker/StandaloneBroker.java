package io.airtix.launcher.broker;

import io.airtix.broker.EmbeddedBroker;
import io.airtix.events.broker.BrokerAccount;
import io.airtix.events.broker.BrokerPasswords;
import io.airtix.launcher.secrets.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded AMQP broker of the standalone mode, in the launcher's JVM: the services' outbox
 * relays publish to it and their inboxes consume from it, as they do from RabbitMQ in the
 * distributed mode. Its Derby store lives under {@code <data dir>/broker}, so events waiting in a
 * queue survive a restart.
 */
public final class StandaloneBroker {

  public static final int PORT = EmbeddedBroker.STANDALONE_PORT;

  /** In the broker's folder: the password of the account that may read every event. */
  public static final String OBSERVER_PASSWORD_FILE = "observer-password";

  private final Path workDir;
  private final BrokerPasswords passwords;
  private EmbeddedBroker running;
  private boolean stopped;

  /**
   * @param passwords of the accounts the services and Keycloak sign in with, each allowed only its
   *     own events and queues
   */
  public StandaloneBroker(Path dataDir, BrokerPasswords passwords) {
    this.workDir = dataDir.resolve("broker");
    this.passwords = passwords;
  }

  /**
   * Starts the broker on a thread of its own; completes with how long it took once it accepts
   * connections.
   */
  public CompletableFuture<Duration> startInBackground() {
    CompletableFuture<Duration> started = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                started.complete(start());
              } catch (RuntimeException e) {
                started.completeExceptionally(e);
              }
            },
            "airtix-broker-start");
    // a launcher that fails elsewhere must be able to exit while the broker is still starting
    starter.setDaemon(true);
    starter.start();
    return started;
  }

  /**
   * Stops the broker, closing its Derby store cleanly. Waits for a start under way, so a Ctrl-C in
   * the first seconds does not leave a half-started broker behind; a stop before any start keeps it
   * from starting later.
   */
  public synchronized void stop() {
    stopped = true;
    if (running != null) {
      running.close();
      running = null;
    }
  }

  /**
   * The observer's password, owner-only in the broker's folder, for whoever on this machine may
   * read the data folder and wants to watch the events (decision 0029).
   */
  private void writeObserverPassword() {
    try {
      SecretFile.write(
          workDir.resolve(OBSERVER_PASSWORD_FILE), passwords.of(BrokerAccount.OBSERVER) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not keep the broker's observer password", e);
    }
  }

  public synchronized boolean isRunning() {
    return running != null;
  }

  private synchronized Duration start() {
    if (stopped) {
      throw new IllegalStateException("Airtix is stopping; the event broker is not started");
    }
    Instant start = Instant.now();
    running = EmbeddedBroker.start(workDir, PORT, passwords);
    writeObserverPassword();
    // the launcher's own shutdown hook stops the services first, then the broker (stop())
    running.stopOnlyWhenClosed();
    return Duration.between(start, Instant.now());
  }
}
