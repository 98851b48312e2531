package io.airtix.expiration.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.broker.EmbeddedBroker;
import io.airtix.events.AggregateEvent;
import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.orders.OrderExpired;
import io.airtix.platform.messaging.EventJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The service on the standalone mode's broker (libs/broker, in this JVM): order events come in
 * through its queue, order.expired goes out through the outbox relay, as the orders service will
 * receive it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpirationEventsIntegrationTests {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String EXCHANGE = "airtix.events";

  private final EventJson json = new EventJson(EventTypes.AIRTIX);
  private final List<Message> received = new CopyOnWriteArrayList<>();
  private EmbeddedBroker broker;
  private CachingConnectionFactory connections;
  private RabbitTemplate rabbit;
  private Queue expiredEvents;
  private ExpirationInstance expiration;

  @BeforeAll
  void startBrokerAndService() throws IOException {
    broker =
        EmbeddedBroker.start(Files.createTempDirectory("airtix-expiration-broker"), freePort());
    connections = new CachingConnectionFactory("127.0.0.1", broker.port());
    connections.setUsername("guest");
    connections.setPassword("guest");
    rabbit = new RabbitTemplate(connections);
    // a queue of the test's own, in place before anything is published: it plays the orders service
    RabbitAdmin admin = new RabbitAdmin(connections);
    TopicExchange events = new TopicExchange(EXCHANGE, true, false);
    admin.declareExchange(events);
    expiredEvents = new AnonymousQueue();
    admin.declareQueue(expiredEvents);
    admin.declareBinding(BindingBuilder.bind(expiredEvents).to(events).with(OrderExpired.TYPE));

    expiration =
        ExpirationInstance.start(
            Map.of(
                "airtix.data-dir", Files.createTempDirectory("airtix-expiration-events").toString(),
                "spring.rabbitmq.host", "127.0.0.1",
                "spring.rabbitmq.port", String.valueOf(broker.port()),
                "airtix.messaging.outbox.initial-backoff", "200ms",
                "airtix.messaging.outbox.max-backoff", "1s"));
  }

  @AfterAll
  void stopServiceAndBroker() {
    if (expiration != null) {
      expiration.close();
    }
    if (connections != null) {
      connections.destroy();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void schedulesFromOrderCreatedAndPublishesOrderExpiredWhenTheHoldRunsOut() {
    OrderCreated order =
        OrderMother.createdUntil(Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS));

    publish(order);

    Message expired = awaitExpiredOf(order);
    assertThat(expired.getMessageProperties().getType()).isEqualTo(OrderExpired.TYPE);
    assertThat(expired.getMessageProperties().getAppId()).isEqualTo("expiration");
    EventEnvelope<Object> envelope = json.read(expired.getBody());
    assertThat(envelope.payload())
        .isEqualTo(new OrderExpired(order.orderId(), 0, "aerolux", order.expiresAt()));
    assertThat(envelope.occurredAt()).isAfterOrEqualTo(order.expiresAt());
    assertThat(expiration.statusOf(order.orderId())).isEqualTo(DeadlineStatus.FIRED);
  }

  @Test
  void dropsTheDeadlineOnOrderCancelledAndIgnoresAnOrderCreatedThatCameLate() {
    // far enough ahead for the cancellations to be applied first even on a busy machine
    Instant soon = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
    OrderCreated cancelled = OrderMother.createdUntil(soon);
    OrderCreated overtaken = OrderMother.createdUntil(soon);
    OrderCreated marker = OrderMother.createdUntil(soon);

    publish(cancelled);
    publish(OrderMother.cancelled(cancelled));
    // its cancellation overtook it on the way
    publish(OrderMother.cancelled(overtaken));
    publish(overtaken);
    // one queue, one consumer: once the last order's deadline fired, every event before it was
    // applied
    publish(marker);

    awaitExpiredOf(marker);
    assertThat(expiration.statusOf(cancelled.orderId())).isEqualTo(DeadlineStatus.DROPPED);
    assertThat(expiration.statusOf(overtaken.orderId()))
        .as("no deadline for an order known to be cancelled")
        .isNull();
    assertThat(expiration.expiry().firePassedInDatabase()).isZero();
    assertThat(expiration.expiredEventsOf(cancelled.orderId())).isEmpty();
    assertThat(expiration.expiredEventsOf(overtaken.orderId())).isEmpty();
    assertThat(received)
        .noneMatch(message -> isExpiredOf(message, cancelled) || isExpiredOf(message, overtaken));
  }

  private Message awaitExpiredOf(OrderCreated order) {
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              Message message = rabbit.receive(expiredEvents.getName());
              if (message != null) {
                received.add(message);
              }
              return received.stream().anyMatch(each -> isExpiredOf(each, order));
            });
    return received.stream().filter(each -> isExpiredOf(each, order)).findFirst().orElseThrow();
  }

  private boolean isExpiredOf(Message message, OrderCreated order) {
    return order.orderId().toString().equals(json.read(message.getBody()).aggregateId());
  }

  /** As the orders service's outbox relay sends it: to the exchange, routing key = type. */
  private void publish(AggregateEvent event) {
    EventEnvelope<AggregateEvent> envelope = EventEnvelope.wrap(event, Instant.now());
    rabbit.send(
        EXCHANGE,
        envelope.type(),
        MessageBuilder.withBody(json.write(envelope).getBytes(StandardCharsets.UTF_8))
            .setContentType("application/json")
            .setMessageId(envelope.id().toString())
            .setType(envelope.type())
            .setAppId("orders")
            .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
            .build());
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
