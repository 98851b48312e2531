package io.airtix.launcher.keycloak;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Stops a process together with everything it started. Keycloak's {@code kc.sh} may run the server
 * as a child rather than replacing itself with it, and a launcher that kills only the script leaves
 * a JVM holding port 8180.
 */
final class ProcessTree {

  private ProcessTree() {}

  /**
   * Asks the descendants, then the process itself, to terminate; waits up to {@code patience} for
   * all of them and kills whatever is still alive after that.
   */
  static void stop(ProcessHandle root, Duration patience) {
    // descendants first: while their parent lives it reaps them, so none lingers as an orphan or a
    // zombie
    List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root)).toList();
    tree.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(patience);
    List<ProcessHandle> survivors =
        tree.stream().filter(process -> !exitsBy(process, deadline)).toList();
    survivors.forEach(ProcessHandle::destroyForcibly);
    survivors.forEach(process -> exitsBy(process, Instant.now().plusSeconds(5)));
  }

  private static boolean exitsBy(ProcessHandle process, Instant deadline) {
    long millis = Math.max(Duration.between(Instant.now(), deadline).toMillis(), 0);
    try {
      process.onExit().get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
