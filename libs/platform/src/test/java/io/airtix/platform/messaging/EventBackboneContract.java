package io.airtix.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.events.EventEnvelope;
import io.airtix.platform.messaging.ProbeEvents.ProbeCreated;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing and consuming as every service does it, on a real broker: the outbox and its relay,
 * the topology, the inbox (once per id, in version order) and dead-lettering. Subclasses run it on
 * RabbitMQ and on the embedded broker of the standalone mode: both must pass the very same tests.
 */
@SpringBootTest(
    classes = MessagingTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
abstract class EventBackboneContract {

  private static final Duration DELIVERY = Duration.ofSeconds(20);

  @Autowired Outbox outbox;

  @Autowired EventJson json;

  @Autowired ProbeListener listener;

  @Autowired MessagingSettings settings;

  @Autowired ConnectionFactory connections;

  @Autowired AmqpAdmin admin;

  @Autowired JdbcClient jdbc;

  @Autowired PlatformTransactionManager transactionManager;

  @Autowired MeterRegistry meters;

  private RabbitTemplate template;

  /** Broker, SQLite file and names of exchanges and queues unique to the test class. */
  static void backbone(DynamicPropertyRegistry registry, TestBrokers.Address broker)
      throws Exception {
    Path dataDir = Files.createTempDirectory("airtix-backbone");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    registry.add("spring.rabbitmq.host", broker::host);
    registry.add("spring.rabbitmq.port", broker::port);
    registry.add("spring.rabbitmq.publisher-confirm-type", () -> "correlated");
    registry.add("spring.rabbitmq.publisher-returns", () -> "true");
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:sqlite:"
                + dataDir.resolve("probe.db")
                + "?journal_mode=WAL&busy_timeout=5000&transaction_mode=IMMEDIATE");
    registry.add("spring.flyway.locations", () -> "classpath:db/probe");
    registry.add("airtix.messaging.service", () -> "probe-" + suffix);
    registry.add("airtix.messaging.exchange", () -> "test.events." + suffix);
    registry.add("airtix.messaging.dead-letter-exchange", () -> "test.dead-letter." + suffix);
    // long enough for a test to commit several events within it, on any machine
    registry.add("airtix.messaging.outbox.linger", () -> "500ms");
    // quick retries keep the poison test short; the policy is the same
    registry.add("airtix.messaging.inbox.initial-backoff", () -> "50ms");
    // the embedded broker's operational log (one line per channel and declaration)
    registry.add("logging.level.qpid.message", () -> "WARN");
  }

  @BeforeEach
  void publisher() {
    template = new RabbitTemplate(connections);
  }

  @Test
  void deliversACommittedEventToItsListenerOnce() {
    UUID probe = UUID.randomUUID();
    EventEnvelope<ProbeCreated> created = ProbeEvents.created(probe, "first");

    inTransaction(() -> outbox.publish(created));

    await()
        .atMost(DELIVERY)
        .until(() -> listener.labels(probe.toString()), labels -> labels.equals(List.of("first")));
    await().atMost(DELIVERY).until(() -> outboxStatus(created), "SENT"::equals);
  }

  @Test
  void publishesTheEventsOfCommitsWithinTheLingerInOneBatch() {
    List<EventEnvelope<ProbeCreated>> burst =
        IntStream.range(0, 5)
            .mapToObj(i -> ProbeEvents.created(UUID.randomUUID(), "burst " + i))
            .toList();

    for (EventEnvelope<ProbeCreated> event : burst) {
      inTransaction(() -> outbox.publish(event));
      // a relay woken at once would have published the event before the next commit
      pause(Duration.ofMillis(50));
    }

    await()
        .atMost(DELIVERY)
        .until(() -> burst.stream().allMatch(event -> "SENT".equals(outboxStatus(event))));
    // one pass marks its whole batch at one instant; the relay's poll may fall into the burst and
    // take a part early
    assertThat(burst.stream().map(this::sentAt).distinct()).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void neverPublishesAnEventWhoseTransactionRolledBack() {
    UUID rolledBack = UUID.randomUUID();
    UUID committed = UUID.randomUUID();
    EventEnvelope<ProbeCreated> lost = ProbeEvents.created(rolledBack, "rolled-back");

    try {
      inTransaction(
          () -> {
            outbox.publish(lost);
            throw new IllegalStateException("the change fails after the event was written");
          });
    } catch (IllegalStateException expected) {
      // the event goes with the change
    }
    inTransaction(() -> outbox.publish(ProbeEvents.created(committed, "committed")));

    await()
        .atMost(DELIVERY)
        .until(() -> listener.labels(committed.toString()), labels -> !labels.isEmpty());
    assertThat(outboxStatus(lost)).isNull();
    assertThat(listener.labels(rolledBack.toString())).isEmpty();
  }

  @Test
  void appliesADuplicateDeliveryOnce() {
    UUID probe = UUID.randomUUID();
    EventEnvelope<ProbeCreated> created = ProbeEvents.created(probe, "once");

    deliver(created);
    deliver(created);
    deliver(ProbeEvents.changed(probe, 1, "after"));

    await()
        .atMost(DELIVERY)
        .until(() -> listener.labels(probe.toString()), labels -> labels.contains("after"));
    assertThat(listener.labels(probe.toString())).containsExactly("once", "after");
  }

  @Test
  void appliesAVersionThatArrivedEarlyOnlyAfterItsPredecessor() {
    UUID probe = UUID.randomUUID();
    deliver(ProbeEvents.created(probe, "v0"));
    await()
        .atMost(DELIVERY)
        .until(() -> listener.labels(probe.toString()), labels -> labels.contains("v0"));

    deliver(ProbeEvents.changed(probe, 2, "v2"));
    await().atMost(DELIVERY).until(() -> parkedCount(probe), count -> count == 1);
    assertThat(listener.labels(probe.toString())).containsExactly("v0");

    deliver(ProbeEvents.changed(probe, 1, "v1"));
    await()
        .atMost(DELIVERY)
        .until(() -> listener.labels(probe.toString()), labels -> labels.size() == 3);
    assertThat(listener.labels(probe.toString())).containsExactly("v0", "v1", "v2");
    assertThat(listener.versions(probe.toString())).containsExactly(0L, 1L, 2L);
    assertThat(parkedCount(probe)).isZero();
  }

  @Test
  void ignoresAVersionOlderThanTheOneApplied() {
    UUID probe = UUID.randomUUID();
    deliver(ProbeEvents.created(probe, "v0"));
    deliver(ProbeEvents.changed(probe, 1, "v1"));
    // sends on separate channels may reach the queue in either order, so the copy is sent once v1
    // was applied
    await()
        .atMost(DELIVERY)
        .until(() -> listener.labels(probe.toString()), labels -> labels.contains("v1"));
    deliver(ProbeEvents.changed(probe, 1, "late copy of v1 with another id"));
    deliver(ProbeEvents.changed(probe, 2, "v2"));

    await()
        .atMost(DELIVERY)
        .until(() -> listener.labels(probe.toString()), labels -> labels.contains("v2"));
    assertThat(listener.labels(probe.toString())).containsExactly("v0", "v1", "v2");
  }

  @Test
  void deadLettersAPoisonEventAfterThreeAttemptsWithoutHoldingUpTheNext() {
    UUID poisoned = UUID.randomUUID();
    UUID healthy = UUID.randomUUID();
    EventEnvelope<ProbeCreated> poison = ProbeEvents.created(poisoned, ProbeEvents.POISON);
    double deadLettered = deadLettered();

    deliver(poison);
    deliver(ProbeEvents.created(healthy, "healthy"));

    await()
        .atMost(DELIVERY)
        .until(() -> listener.labels(healthy.toString()), labels -> labels.contains("healthy"));
    Message deadLetter = awaitDeadLetter();
    assertThat(deadLetter.getMessageProperties().getMessageId()).isEqualTo(poison.id().toString());
    assertThat(deadLetter.getMessageProperties().getType()).isEqualTo(ProbeCreated.TYPE);
    assertThat((String) deadLetter.getMessageProperties().getHeader("x-exception-message"))
        .contains("poison");
    assertThat(json.read(deadLetter.getBody()).id()).isEqualTo(poison.id());
    assertThat(listener.attempts(ProbeEvents.POISON)).isEqualTo(settings.inbox().maxAttempts());
    assertThat(listener.labels(poisoned.toString())).isEmpty();
    await()
        .atMost(DELIVERY)
        .untilAsserted(() -> assertThat(deadLettered()).isEqualTo(deadLettered + 1));
  }

  private double deadLettered() {
    return meters.get("airtix.inbox.dead.lettered").counter().count();
  }

  @Test
  void deadLettersAMessageThatIsNoEventAtOnce() {
    Message garbage =
        MessageBuilder.withBody(
                "{\"type\":\"probe.created\",\"payload\":".getBytes(StandardCharsets.UTF_8))
            .setContentType(MessageProperties.CONTENT_TYPE_JSON)
            .setMessageId("not-an-event")
            .build();

    template.send(settings.exchange(), ProbeCreated.TYPE, garbage);

    Message deadLetter = awaitDeadLetter();
    assertThat(deadLetter.getMessageProperties().getMessageId()).isEqualTo("not-an-event");
  }

  @Test
  void routesEventsByTypeWithoutJavaClassNamesOnTheWire() {
    String observer = settings.service() + ".observer";
    Queue queue = new Queue(observer, false, false, true);
    admin.declareQueue(queue);
    admin.declareBinding(
        BindingBuilder.bind(queue).to(new TopicExchange(settings.exchange())).with("probe.#"));
    ConcurrentLinkedQueue<Message> seen = new ConcurrentLinkedQueue<>();
    SimpleMessageListenerContainer observing = new SimpleMessageListenerContainer(connections);
    observing.setQueueNames(observer);
    observing.setMessageListener(seen::add);
    observing.afterPropertiesSet();
    observing.start();
    try {
      EventEnvelope<ProbeCreated> created = ProbeEvents.created(UUID.randomUUID(), "observed");
      inTransaction(() -> outbox.publish(created));

      await().atMost(DELIVERY).until(() -> !seen.isEmpty());
      Message message = seen.peek();
      String body = new String(message.getBody(), StandardCharsets.UTF_8);
      assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("probe.created");
      assertThat(message.getMessageProperties().getMessageId()).isEqualTo(created.id().toString());
      assertThat(message.getMessageProperties().getContentType())
          .isEqualTo(MessageProperties.CONTENT_TYPE_JSON);
      assertThat(message.getMessageProperties().getHeaders()).doesNotContainKey("__TypeId__");
      assertThat(body)
          .startsWith("{\"id\":\"" + created.id() + "\",\"type\":\"probe.created\"")
          .doesNotContain("io.airtix")
          .doesNotContain("ProbeCreated");
    } finally {
      observing.stop();
      observing.destroy();
    }
  }

  /**
   * Puts an event on the exchange as the relay would, bypassing the outbox: duplicates and odd
   * orders at will.
   */
  private void deliver(EventEnvelope<?> envelope) {
    Message message =
        MessageBuilder.withBody(json.write(envelope).getBytes(StandardCharsets.UTF_8))
            .setContentType(MessageProperties.CONTENT_TYPE_JSON)
            .setMessageId(envelope.id().toString())
            .setType(envelope.type())
            .build();
    template.send(settings.exchange(), envelope.type(), message);
  }

  private Message awaitDeadLetter() {
    String queue = EventTopology.deadLetterQueue(settings.service());
    return await()
        .atMost(DELIVERY)
        .until(() -> template.receive(queue), message -> message != null);
  }

  private String outboxStatus(EventEnvelope<?> envelope) {
    return jdbc.sql("SELECT status FROM airtix_outbox WHERE event_id = :id")
        .param("id", envelope.id().toString())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private long sentAt(EventEnvelope<?> envelope) {
    return jdbc.sql("SELECT done_at FROM airtix_outbox WHERE event_id = :id")
        .param("id", envelope.id().toString())
        .query(Long.class)
        .single();
  }

  private long parkedCount(UUID probe) {
    return jdbc.sql("SELECT COUNT(*) FROM airtix_inbox_parked WHERE aggregate_id = :id")
        .param("id", probe.toString())
        .query(Long.class)
        .single();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void inTransaction(Runnable work) {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
  }
}
