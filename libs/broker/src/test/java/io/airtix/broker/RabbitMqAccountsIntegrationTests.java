package io.airtix.broker;

import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The distributed mode's broker: the machine's RabbitMQ with {@link RabbitMqDefinitions} imported
 * through {@code rabbitmqctl}, as {@code ./airtix --only broker-accounts} does for {@code
 * scripts/run-distributed.sh}, into a virtual host of the test's own. Fails when RabbitMQ or
 * rabbitmqctl is missing.
 */
class RabbitMqAccountsIntegrationTests extends BrokerAccountsContract {

  private static final String VIRTUAL_HOST = "airtix-broker-accounts-test";

  @BeforeAll
  static void importDefinitions() {
    RabbitMqCtl.deleteVirtualHost(VIRTUAL_HOST);
    RabbitMqCtl.importDefinitions(RabbitMqDefinitions.of(PASSWORDS, VIRTUAL_HOST));
  }

  /** The accounts stay, with this test's passwords, as a distributed run's import leaves them. */
  @AfterAll
  static void removeVirtualHost() {
    RabbitMqCtl.deleteVirtualHost(VIRTUAL_HOST);
  }

  @Override
  protected ConnectionFactory broker() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    factory.setVirtualHost(VIRTUAL_HOST);
    return factory;
  }
}
