package io.airtix.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.airtix.events.broker.BrokerAccount;
import io.airtix.events.broker.BrokerNames;
import io.airtix.events.broker.BrokerPasswords;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.payments.ChargeCreated;
import io.airtix.events.users.UserBanned;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What each broker account may and may not do, the same on the embedded broker (standalone) and on
 * RabbitMQ (distributed): publish the events it owns and no others, keep and read its own queues
 * only, dead-letter only into its own exchange.
 */
abstract class BrokerAccountsContract {

  /** Access refused, AMQP's reply code 403. */
  private static final int ACCESS_REFUSED = 403;

  protected static final BrokerPasswords PASSWORDS = BrokerPasswords.generate();

  protected abstract ConnectionFactory broker();

  /** Every service declares the events exchange when it connects; the tickets service does here. */
  @BeforeEach
  void declareEventsExchange() throws Exception {
    Connection tickets = connectAs(BrokerAccount.TICKETS);
    try {
      tickets
          .createChannel()
          .exchangeDeclare(BrokerNames.EVENTS_EXCHANGE, BuiltinExchangeType.TOPIC, true);
    } finally {
      tickets.abort();
    }
  }

  @Test
  void everyAccountPublishesTheEventsItOwns() throws Exception {
    for (BrokerAccount account : BrokerAccount.values()) {
      Connection connection = connectAs(account);
      try {
        for (String type : account.publishes()) {
          assertThat(publish(connection, BrokerNames.EVENTS_EXCHANGE, type))
              .as("%s publishing %s", account, type)
              .isNull();
        }
      } finally {
        connection.abort();
      }
    }
  }

  @Test
  void noAccountPublishesAnotherOwnersEvent() throws Exception {
    assertRefused(BrokerAccount.ORDERS, BrokerNames.EVENTS_EXCHANGE, ChargeCreated.TYPE);
    assertRefused(BrokerAccount.TICKETS, BrokerNames.EVENTS_EXCHANGE, OrderCreated.TYPE);
    assertRefused(BrokerAccount.EXPIRATION, BrokerNames.EVENTS_EXCHANGE, OrderCreated.TYPE);
    assertRefused(BrokerAccount.KEYCLOAK, BrokerNames.EVENTS_EXCHANGE, ChargeCreated.TYPE);
    assertRefused(BrokerAccount.TENANTS, BrokerNames.EVENTS_EXCHANGE, UserBanned.TYPE);
    assertRefused(BrokerAccount.PAYMENTS, BrokerNames.EVENTS_EXCHANGE, UserBanned.TYPE);
    assertRefused(BrokerAccount.OBSERVER, BrokerNames.EVENTS_EXCHANGE, OrderCreated.TYPE);
  }

  @Test
  void everyServiceKeepsItsOwnQueuesAndDeadLetters() throws Exception {
    for (BrokerAccount account : BrokerAccount.values()) {
      if (!account.consumes()) {
        continue;
      }
      Connection connection = connectAs(account);
      try {
        Channel channel = connection.createChannel();
        declareTopology(channel, account);
        channel.basicConsume(
            BrokerNames.eventQueue(account.service()), true, (tag, m) -> {}, t -> {});
        // the deny-list's queue of one instance, deleted when it stops
        channel.queueDeclare(
            BrokerNames.queuePrefix(account.service()) + "deny-list." + UUID.randomUUID(),
            false,
            true,
            true,
            Map.of());
        assertThat(
                publish(
                    connection,
                    BrokerNames.deadLetterExchange(account.service()),
                    account.service()))
            .as("%s dead-lettering", account)
            .isNull();
      } finally {
        connection.abort();
      }
    }
  }

  @Test
  void noServiceReadsOrDeadLettersIntoAnotherServicesQueues() throws Exception {
    Connection payments = connectAs(BrokerAccount.PAYMENTS);
    try {
      declareTopology(payments.createChannel(), BrokerAccount.PAYMENTS);
    } finally {
      payments.abort();
    }
    Connection orders = connectAs(BrokerAccount.ORDERS);
    try {
      Throwable consuming =
          catchThrowable(
              () ->
                  orders
                      .createChannel()
                      .basicConsume(
                          BrokerNames.eventQueue("payments"), true, (tag, m) -> {}, t -> {}));
      assertThat(replyCode(consuming)).isEqualTo(ACCESS_REFUSED);
    } finally {
      orders.abort();
    }
    assertRefused(BrokerAccount.ORDERS, BrokerNames.deadLetterExchange("payments"), "payments");
  }

  @Test
  void keycloakKeepsNoQueues() throws Exception {
    Connection keycloak = connectAs(BrokerAccount.KEYCLOAK);
    try {
      Throwable declaring =
          catchThrowable(
              () ->
                  keycloak
                      .createChannel()
                      .queueDeclare("keycloak.events", true, false, false, Map.of()));
      assertThat(replyCode(declaring)).isEqualTo(ACCESS_REFUSED);
    } finally {
      keycloak.abort();
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    ConnectionFactory factory = broker();
    factory.setUsername(BrokerAccount.ORDERS.username());
    factory.setPassword("not-" + PASSWORDS.of(BrokerAccount.ORDERS));
    assertThatThrownBy(factory::newConnection).isNotNull();
  }

  protected Connection connectAs(BrokerAccount account) throws Exception {
    ConnectionFactory factory = broker();
    factory.setUsername(account.username());
    factory.setPassword(PASSWORDS.of(account));
    return factory.newConnection("broker-accounts-test-" + account.service());
  }

  /** Declares what the platform declares for a service that consumes events. */
  private static void declareTopology(Channel channel, BrokerAccount account) throws Exception {
    String service = account.service();
    channel.exchangeDeclare(BrokerNames.EVENTS_EXCHANGE, BuiltinExchangeType.TOPIC, true);
    channel.queueDeclare(BrokerNames.eventQueue(service), true, false, false, Map.of());
    channel.queueBind(
        BrokerNames.eventQueue(service), BrokerNames.EVENTS_EXCHANGE, "ticket.created");
    channel.exchangeDeclare(
        BrokerNames.deadLetterExchange(service), BuiltinExchangeType.DIRECT, true);
    channel.queueDeclare(BrokerNames.deadLetterQueue(service), true, false, false, Map.of());
    channel.queueBind(
        BrokerNames.deadLetterQueue(service), BrokerNames.deadLetterExchange(service), service);
  }

  private void assertRefused(BrokerAccount account, String exchange, String routingKey)
      throws Exception {
    Connection connection = connectAs(account);
    try {
      assertThat(replyCode(publish(connection, exchange, routingKey)))
          .as("%s publishing %s to %s", account, routingKey, exchange)
          .isEqualTo(ACCESS_REFUSED);
    } finally {
      connection.abort();
    }
  }

  /** Publishes one confirmed message; the failure, or null once the broker confirmed it. */
  private static Throwable publish(Connection connection, String exchange, String routingKey)
      throws Exception {
    Channel channel = connection.createChannel();
    try {
      channel.confirmSelect();
      channel.basicPublish(
          exchange,
          routingKey,
          new AMQP.BasicProperties.Builder().type(routingKey).deliveryMode(2).build(),
          "{}".getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(10_000);
      return null;
    } catch (Exception refused) {
      return refused;
    }
  }

  private static Integer replyCode(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ShutdownSignalException shutdown
          && shutdown.getReason() instanceof AMQP.Channel.Close close) {
        return close.getReplyCode();
      }
      if (cause instanceof ShutdownSignalException shutdown
          && shutdown.getReason() instanceof AMQP.Connection.Close close) {
        return close.getReplyCode();
      }
    }
    return failure == null ? null : -1;
  }
}
