package io.airtix.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The broker as the services use it: Spring AMQP with publisher confirms, topic routing, a durable
 * store.
 */
class EmbeddedBrokerIntegrationTests {

  @TempDir Path workDir;

  @Test
  void confirmsPublishesAndDeliversThemThroughATopicExchange() throws Exception {
    int port = freePort();
    try (EmbeddedBroker broker = EmbeddedBroker.start(workDir, port)) {
      CachingConnectionFactory connections = connections(port);
      try {
        declare(new RabbitAdmin(connections), "orders.events", "ticket.*");
        RabbitTemplate template = confirmingTemplate(connections);

        List<CorrelationData> confirms = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          CorrelationData correlation = new CorrelationData("m" + i);
          template.send("test.events", "ticket.created", message("ticket " + i), correlation);
          confirms.add(correlation);
        }
        for (CorrelationData confirm : confirms) {
          assertThat(confirm.getFuture().get(10, TimeUnit.SECONDS).ack()).isTrue();
          assertThat(confirm.getReturned()).isNull();
        }

        Message first = template.receive("orders.events", 5_000);
        assertThat(first).isNotNull();
        assertThat(new String(first.getBody(), StandardCharsets.UTF_8)).isEqualTo("ticket 0");
        assertThat(first.getMessageProperties().getType()).isEqualTo("ticket.created");
      } finally {
        connections.destroy();
      }
    }
  }

  /**
   * RabbitMQ acks an unroutable mandatory message and returns it; Qpid returns it too but nacks it,
   * and the return arrives after the nack. Either way the publisher must not count it as delivered,
   * which is all the relay asks.
   */
  @Test
  void neverConfirmsAsDeliveredAMandatoryMessageThatNoQueueTakes() throws Exception {
    int port = freePort();
    try (EmbeddedBroker broker = EmbeddedBroker.start(workDir, port)) {
      CachingConnectionFactory connections = connections(port);
      try {
        declare(new RabbitAdmin(connections), "orders.events", "ticket.*");
        CorrelationData correlation = new CorrelationData("unroutable");

        confirmingTemplate(connections)
            .send("test.events", "order.created", message("nobody listens"), correlation);

        boolean acked = correlation.getFuture().get(10, TimeUnit.SECONDS).ack();
        assertThat(acked && correlation.getReturned() == null).isFalse();
      } finally {
        connections.destroy();
      }
    }
  }

  @Test
  void keepsQueuedMessagesAcrossARestart() throws Exception {
    int port = freePort();
    try (EmbeddedBroker broker = EmbeddedBroker.start(workDir, port)) {
      CachingConnectionFactory connections = connections(port);
      try {
        declare(new RabbitAdmin(connections), "orders.events", "ticket.*");
        CorrelationData correlation = new CorrelationData("kept");
        confirmingTemplate(connections)
            .send("test.events", "ticket.updated", message("still here"), correlation);
        assertThat(correlation.getFuture().get(10, TimeUnit.SECONDS).ack()).isTrue();
      } finally {
        connections.destroy();
      }
    }

    try (EmbeddedBroker restarted = EmbeddedBroker.start(workDir, port)) {
      CachingConnectionFactory connections = connections(port);
      try {
        Message kept = new RabbitTemplate(connections).receive("orders.events", 5_000);

        assertThat(kept).isNotNull();
        assertThat(new String(kept.getBody(), StandardCharsets.UTF_8)).isEqualTo("still here");
      } finally {
        connections.destroy();
      }
    }
  }

  private static void declare(AmqpAdmin admin, String queue, String routingKey) {
    TopicExchange exchange = new TopicExchange("test.events", true, false);
    Queue durable = new Queue(queue, true, false, false);
    admin.declareExchange(exchange);
    admin.declareQueue(durable);
    admin.declareBinding(BindingBuilder.bind(durable).to(exchange).with(routingKey));
  }

  private static RabbitTemplate confirmingTemplate(CachingConnectionFactory connections) {
    RabbitTemplate template = new RabbitTemplate(connections);
    template.setMandatory(true);
    return template;
  }

  private static CachingConnectionFactory connections(int port) {
    CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", port);
    connections.setUsername("guest");
    connections.setPassword("guest");
    connections.setPublisherConfirmType(ConfirmType.CORRELATED);
    connections.setPublisherReturns(true);
    return connections;
  }

  private static Message message(String text) {
    return MessageBuilder.withBody(text.getBytes(StandardCharsets.UTF_8))
        .setType("ticket.created")
        .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
        .build();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
