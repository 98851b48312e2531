package io.airtix.orders.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The machine's RabbitMQ (RABBITMQ_HOST / RABBITMQ_PORT, default 127.0.0.1:5672, guest/guest),
 * stopped and started with {@code rabbitmqctl stop_app} / {@code start_app} for outage tests. A
 * missing broker or tool fails the test.
 */
final class RabbitMqBroker {

  static final String HOST = env("RABBITMQ_HOST", "127.0.0.1");
  static final int PORT = Integer.parseInt(env("RABBITMQ_PORT", "5672"));

  private RabbitMqBroker() {}

  static void requireRunning() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 2_000);
    } catch (IOException ex) {
      throw new IllegalStateException(
          "RabbitMQ is required by this test and does not answer at "
              + HOST
              + ":"
              + PORT
              + " ("
              + ex.getMessage()
              + "). Start RabbitMQ (guest/guest) or set RABBITMQ_HOST/RABBITMQ_PORT.",
          ex);
    }
  }

  /**
   * Stops the broker application (the Erlang node stays up, so {@link #startApp()} brings it back
   * quickly).
   */
  static void stopApp() {
    rabbitmqctl("stop_app");
  }

  /** Starts the broker application; harmless when it runs already. */
  static void startApp() {
    rabbitmqctl("start_app");
    // await_startup returns once the broker accepts connections again
    rabbitmqctl("await_startup");
  }

  private static void rabbitmqctl(String command) {
    try {
      Process process =
          new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
      }
    } catch (IOException ex) {
      throw new IllegalStateException(
          "This test stops and starts RabbitMQ with rabbitmqctl, which could not run", ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
