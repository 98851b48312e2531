package io.airtix.platform.messaging;

import io.airtix.platform.background.BackgroundThread;
import io.airtix.platform.messaging.OutboxStore.OutboxRow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to the topic exchange, oldest first, routing key = event type. A row
 * is marked sent only after the broker confirmed it and did not return it as unroutable; anything
 * else (broker down, nack, no confirm in time) leaves it pending with an exponential backoff. It is
 * woken a linger after every commit that wrote an event (so the events of a busy moment share a
 * batch) and also polls, so rows left by a stopped or crashed instance go out within a poll
 * interval of a start.
 *
 * <p>Delivery is at least once: a crash after the broker's confirm and before the row is marked
 * sends it again. Consumers drop the second copy by event id.
 */
final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final OutboxStore store;
  private final RabbitTemplate template;
  private final TransactionTemplate transactions;
  private final MessagingDatabase database;
  private final MessagingSettings settings;
  private final String service;
  private final Clock clock;
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private volatile ScheduledExecutorService executor;
  private volatile boolean brokerTroubleLogged;

  OutboxRelay(
      OutboxStore store,
      RabbitTemplate template,
      TransactionTemplate transactions,
      MessagingDatabase database,
      MessagingSettings settings,
      String service,
      Clock clock) {
    this.store = store;
    this.template = template;
    this.transactions = transactions;
    this.database = database;
    this.settings = settings;
    this.service = service;
    this.clock = clock;
  }

  /** Asks for a pass once the linger is over; calls while one is queued add nothing. */
  void wake() {
    ScheduledExecutorService running = executor;
    if (running != null && wakeQueued.compareAndSet(false, true)) {
      try {
        running.schedule(this::drain, settings.outbox().linger().toNanos(), TimeUnit.NANOSECONDS);
      } catch (RuntimeException rejected) {
        // stopping: the next start polls anyway
        wakeQueued.set(false);
      }
    }
  }

  @Override
  public void start() {
    ScheduledExecutorService started = BackgroundThread.scheduler(service + "-outbox-relay");
    executor = started;
    long poll = settings.outbox().pollInterval().toMillis();
    started.scheduleWithFixedDelay(this::drain, 0, poll, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(
            settings.outbox().confirmTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  /** Stops before the connection factory closes, starts after it. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1024;
  }

  /** Publishes batches until nothing due is left or the broker stops cooperating. */
  void drain() {
    wakeQueued.set(false);
    try {
      Pass pass;
      do {
        pass = publishOneBatch();
      } while (pass.claimed() == settings.outbox().batchSize()
          && pass.allSent()
          && executor != null);
    } catch (RuntimeException ex) {
      // the database may be briefly unavailable (SQLite busy, PostgreSQL restarting); the next poll
      // tries again
      log.warn("Outbox relay pass of {} failed: {}", service, ex.toString());
    }
  }

  /** Claims a batch, publishes it and records the outcome. */
  Pass publishOneBatch() {
    if (database.skipsLockedRows()) {
      // PostgreSQL: the claim (row locks) lasts until the outcome is written, so other instances
      // skip these rows
      return transactions.execute(
          status -> {
            // every reservation's event is marked here: one WAL flush fewer each, and a lost mark
            // is a duplicate only
            store.commitWithoutWaitingForTheDisk();
            List<OutboxRow> rows = store.due(clock.millis(), settings.outbox().batchSize());
            List<Outcome> outcomes = publish(rows);
            record(outcomes);
            return Pass.of(rows, outcomes);
          });
    }
    // SQLite: one process per file; read without a transaction so writers never wait for the broker
    List<OutboxRow> rows = store.due(clock.millis(), settings.outbox().batchSize());
    List<Outcome> outcomes = publish(rows);
    transactions.executeWithoutResult(status -> record(outcomes));
    return Pass.of(rows, outcomes);
  }

  private List<Outcome> publish(List<OutboxRow> rows) {
    List<Outcome> outcomes = new ArrayList<>(rows.size());
    if (rows.isEmpty()) {
      return outcomes;
    }
    List<CorrelationData> confirms = new ArrayList<>(rows.size());
    String sendFailure = null;
    try {
      // one channel for the whole batch: sent one by one, each message took a channel from the
      // cache and gave it back with its confirm outstanding, which keeps that channel out of the
      // cache until confirmed (the next message needed another) and counts every pending confirm of
      // the channel on each give-back
      template.invoke(
          operations -> {
            for (OutboxRow row : rows) {
              CorrelationData correlation = new CorrelationData(row.eventId());
              operations.send(settings.exchange(), row.type(), message(row), correlation);
              confirms.add(correlation);
            }
            return null;
          });
    } catch (AmqpException ex) {
      // the rows sent before the failure still wait for their confirms
      sendFailure = "broker unavailable: " + rootMessage(ex);
    }
    int published = confirms.size();
    long deadline = System.nanoTime() + settings.outbox().confirmTimeout().toNanos();
    for (int i = 0; i < rows.size(); i++) {
      OutboxRow row = rows.get(i);
      outcomes.add(
          i < published
              ? awaitConfirm(row, confirms.get(i), deadline)
              : Outcome.transientFailure(row, sendFailure));
    }
    logBrokerTrouble(outcomes);
    return outcomes;
  }

  private Outcome awaitConfirm(OutboxRow row, CorrelationData correlation, long deadline) {
    try {
      long wait = Math.max(0, deadline - System.nanoTime());
      CorrelationData.Confirm confirm = correlation.getFuture().get(wait, TimeUnit.NANOSECONDS);
      if (correlation.getReturned() != null) {
        // RabbitMQ: confirmed, but no queue is bound for this type
        return Outcome.unrouted(
            row,
            "no queue bound for "
                + row.type()
                + " ("
                + correlation.getReturned().getReplyText()
                + ")");
      }
      if (confirm.ack()) {
        return Outcome.sent(row);
      }
      // Qpid nacks an unroutable mandatory message without a reason; a reason means the channel or
      // broker failed
      return confirm.reason() == null
          ? Outcome.unrouted(row, "nacked, probably no queue bound for " + row.type())
          : Outcome.transientFailure(row, "nacked: " + confirm.reason());
    } catch (TimeoutException ex) {
      return Outcome.transientFailure(
          row, "no confirm within " + settings.outbox().confirmTimeout());
    } catch (ExecutionException ex) {
      return Outcome.transientFailure(row, "confirm failed: " + rootMessage(ex));
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return Outcome.transientFailure(row, "relay stopped before the confirm");
    }
  }

  private void record(List<Outcome> outcomes) {
    long now = clock.millis();
    List<Long> sent = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      OutboxRow row = outcome.row();
      switch (outcome.kind()) {
        case SENT -> sent.add(row.position());
        case UNROUTED -> {
          if (now - row.createdAt() >= settings.outbox().unroutedGrace().toMillis()) {
            log.warn(
                "Giving up event {} ({}): {} for {}",
                row.eventId(),
                row.type(),
                outcome.error(),
                settings.outbox().unroutedGrace());
            store.markUnrouted(row.position(), now, outcome.error());
          } else {
            store.reschedule(row.position(), now + backoff(row.attempts() + 1), outcome.error());
          }
        }
        case FAILED ->
            store.reschedule(row.position(), now + backoff(row.attempts() + 1), outcome.error());
      }
    }
    store.markSent(sent, now);
  }

  /** 1 s, 2 s, 4 s … up to the maximum, by the number of attempts made. */
  long backoff(int attempts) {
    long initial = settings.outbox().initialBackoff().toMillis();
    long max = settings.outbox().maxBackoff().toMillis();
    int doublings = Math.min(Math.max(attempts - 1, 0), 30);
    return Math.min(max, initial << doublings);
  }

  private Message message(OutboxRow row) {
    return MessageBuilder.withBody(row.body().getBytes(StandardCharsets.UTF_8))
        .setContentType(MessageProperties.CONTENT_TYPE_JSON)
        .setContentEncoding(StandardCharsets.UTF_8.name())
        .setMessageId(row.eventId())
        .setType(row.type())
        .setAppId(service)
        .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
        .build();
  }

  private void logBrokerTrouble(List<Outcome> outcomes) {
    boolean trouble = outcomes.stream().anyMatch(outcome -> outcome.kind() == Outcome.Kind.FAILED);
    if (trouble && !brokerTroubleLogged) {
      brokerTroubleLogged = true;
      log.warn(
          "Outbox of {} cannot publish ({}); events stay in the outbox and are retried",
          service,
          outcomes.stream()
              .filter(o -> o.kind() == Outcome.Kind.FAILED)
              .findFirst()
              .orElseThrow()
              .error());
    } else if (!trouble && brokerTroubleLogged) {
      brokerTroubleLogged = false;
      log.info("Outbox of {} publishes again", service);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  /** What one pass did. */
  record Pass(int claimed, boolean allSent) {

    static Pass of(List<OutboxRow> rows, List<Outcome> outcomes) {
      return new Pass(
          rows.size(), outcomes.stream().allMatch(outcome -> outcome.kind() == Outcome.Kind.SENT));
    }
  }

  /** The broker's answer for one row. */
  record Outcome(OutboxRow row, Kind kind, String error) {

    enum Kind {
      SENT,
      UNROUTED,
      FAILED
    }

    static Outcome sent(OutboxRow row) {
      return new Outcome(row, Kind.SENT, null);
    }

    static Outcome unrouted(OutboxRow row, String error) {
      return new Outcome(row, Kind.UNROUTED, error);
    }

    static Outcome transientFailure(OutboxRow row, String error) {
      return new Outcome(row, Kind.FAILED, error);
    }
  }
}
