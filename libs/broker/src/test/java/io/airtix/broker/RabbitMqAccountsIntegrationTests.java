package io.airtix.broker;

import com.rabbitmq.client.ConnectionFactory;
import io.airtix.testing.services.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The distributed mode's broker: the tests' RabbitMQ (the machine's own or a container) with {@link
 * RabbitMqDefinitions} imported through its {@code rabbitmqctl}, as {@code ./airtix --only
 * broker-accounts} does for {@code scripts/run-distributed.sh}, into a virtual host of the test's
 * own. Fails when RabbitMQ or rabbitmqctl is missing.
 */
class RabbitMqAccountsIntegrationTests extends BrokerAccountsContract {

  private static final String VIRTUAL_HOST = "airtix-broker-accounts-test";

  @BeforeAll
  static void importDefinitions() {
    TestServices.rabbitMq().deleteVirtualHost(VIRTUAL_HOST);
    TestServices.rabbitMq().importDefinitions(RabbitMqDefinitions.of(PASSWORDS, VIRTUAL_HOST));
  }

  /** The accounts stay, with this test's passwords, as a distributed run's import leaves them. */
  @AfterAll
  static void removeVirtualHost() {
    TestServices.rabbitMq().deleteVirtualHost(VIRTUAL_HOST);
  }

  @Override
  protected ConnectionFactory broker() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(TestServices.rabbitMq().host());
    factory.setPort(TestServices.rabbitMq().port());
    factory.setVirtualHost(VIRTUAL_HOST);
    return factory;
  }
}
