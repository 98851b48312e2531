package io.airtix.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone mode's broker, started as the launcher starts it: accounts and access rules. */
class EmbeddedBrokerAccountsIntegrationTests extends BrokerAccountsContract {

  @TempDir static Path workDir;

  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() throws IOException {
    broker = EmbeddedBroker.start(workDir, freePort(), PASSWORDS);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Override
  protected ConnectionFactory broker() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    return factory;
  }

  @Test
  void guestIsNoAccountOfTheStandaloneBroker() {
    ConnectionFactory factory = broker();
    factory.setUsername("guest");
    factory.setPassword("guest");
    assertThatThrownBy(factory::newConnection).isNotNull();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
