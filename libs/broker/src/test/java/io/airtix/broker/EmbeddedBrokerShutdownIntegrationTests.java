package io.airtix.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that owns the broker stops its clients before the broker when it is told to stop: the
 * broker must still answer while the owner's shutdown hook runs, which Qpid's own hook would
 * prevent.
 */
class EmbeddedBrokerShutdownIntegrationTests {

  private static final String READY = "broker ready";
  private static final String ANSWERED = "broker answered during shutdown";
  private static final String REFUSED = "broker refused during shutdown";

  @TempDir Path workDir;

  @Test
  void brokerThatStopsOnlyWhenClosedStillAnswersWhileItsOwnerStops() throws Exception {
    Path output = workDir.resolve("owner.log");
    Process owner =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BrokerOwner.class.getName(),
                workDir.resolve("broker").toString(),
                String.valueOf(EmbeddedBrokerIntegrationTests.freePort()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      awaitOutput(owner, output, READY);

      owner.destroy();

      assertThat(owner.waitFor(60, TimeUnit.SECONDS)).as("the owner stopped").isTrue();
      assertThat(Files.readString(output)).contains(ANSWERED).doesNotContain(REFUSED);
    } finally {
      owner.destroyForcibly();
    }
  }

  private static void awaitOutput(Process process, Path output, String line) {
    await("'" + line + "' from the owner")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              String written = Files.readString(output, StandardCharsets.UTF_8);
              assertThat(process.isAlive()).as("the owner runs: %s", written).isTrue();
              return written.contains(line);
            });
  }

  /**
   * Owns a broker as the launcher does: at exit it first lets its clients finish (a moment), then
   * closes it.
   */
  static final class BrokerOwner {

    public static void main(String[] args) throws InterruptedException {
      int port = Integer.parseInt(args[1]);
      EmbeddedBroker broker = EmbeddedBroker.start(Path.of(args[0]), port);
      broker.stopOnlyWhenClosed();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stopClients();
                    System.out.println(answers(port) ? ANSWERED : REFUSED);
                    broker.close();
                  },
                  "owner-stop"));
      System.out.println(READY);
      Thread.currentThread().join();
    }

    /** Stands for the services' contexts closing, which takes a few seconds. */
    private static void stopClients() {
      try {
        TimeUnit.SECONDS.sleep(3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static boolean answers(int port) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }
}
