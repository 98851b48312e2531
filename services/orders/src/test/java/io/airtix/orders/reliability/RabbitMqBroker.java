package io.airtix.orders.reliability;

import io.airtix.testing.services.TestServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The tests' RabbitMQ ({@link TestServices#rabbitMq()}: the machine's own or a container,
 * guest/guest), stopped and started with its {@code rabbitmqctl stop_app} / {@code start_app} for
 * outage tests. A missing broker or tool fails the test.
 */
final class RabbitMqBroker {

  static final String HOST = TestServices.rabbitMq().host();
  static final int PORT = TestServices.rabbitMq().port();

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
    TestServices.rabbitMq().ctl(command);
  }
}
