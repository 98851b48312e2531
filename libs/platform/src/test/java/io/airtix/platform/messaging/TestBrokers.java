package io.airtix.platform.messaging;

import io.airtix.broker.EmbeddedBroker;
import io.airtix.testing.services.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;

/**
 * The two brokers the backbone must work with. A missing RabbitMQ fails the test; it is never
 * skipped.
 */
final class TestBrokers {

  private static EmbeddedBroker embedded;

  private TestBrokers() {}

  record Address(String host, int port) {}

  /** The tests' RabbitMQ ({@link TestServices#rabbitMq()}), checked to answer. */
  static Address rabbitMq() {
    String host = TestServices.rabbitMq().host();
    int port = TestServices.rabbitMq().port();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
    } catch (IOException ex) {
      throw new IllegalStateException(
          "RabbitMQ is required by this test and does not answer at "
              + host
              + ":"
              + port
              + " ("
              + ex.getMessage()
              + "). Start RabbitMQ (guest/guest) or set RABBITMQ_HOST/RABBITMQ_PORT.",
          ex);
    }
    return new Address(host, port);
  }

  /** One embedded broker per test JVM, on a free port, in a temporary folder. */
  static synchronized Address embedded() {
    if (embedded == null) {
      try (ServerSocket probe = new ServerSocket(0)) {
        int port = probe.getLocalPort();
        probe.close();
        embedded = EmbeddedBroker.start(Files.createTempDirectory("airtix-broker"), port);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-broker-stop"));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return new Address("127.0.0.1", embedded.port());
  }
}
