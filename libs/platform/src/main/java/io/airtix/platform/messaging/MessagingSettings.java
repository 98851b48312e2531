package io.airtix.platform.messaging;

import io.airtix.events.broker.BrokerNames;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service takes part in the event backbone. The names of exchanges and queues are settings so
 * tests can use their own; in production only the service name varies.
 *
 * @param service names the service's queues ({@code <service>.events}, {@code
 *     <service>.dead-letter}); defaults to {@code spring.application.name}
 * @param exchange the topic exchange every event is published to, routing key = event type
 * @param deadLetterExchange where a consumer sends what it could not apply, routing key = service;
 *     by default the service's own ({@code airtix.dead-letter.<service>}), the only one its broker
 *     account may publish to
 */
@ConfigurationProperties("airtix.messaging")
public record MessagingSettings(
    String service,
    @DefaultValue(BrokerNames.EVENTS_EXCHANGE) String exchange,
    String deadLetterExchange,
    @DefaultValue Outbox outbox,
    @DefaultValue Inbox inbox) {

  public String deadLetterExchangeOf(String service) {
    return deadLetterExchange != null
        ? deadLetterExchange
        : BrokerNames.deadLetterExchange(service);
  }

  /**
   * The relay that moves committed outbox rows to the broker.
   *
   * @param relay off only to hold events back (tests of a crash between commit and publish)
   * @param pollInterval how often the relay looks for rows besides being woken after each commit
   * @param linger how long the relay, woken by a commit, waits before it claims the due rows: the
   *     events of the commits in between go out in the same batch (one transaction, one channel)
   *     instead of one pass each
   * @param batchSize rows claimed, published and confirmed together
   * @param confirmTimeout how long a batch waits for the broker's confirms before it is retried
   * @param initialBackoff delay before the first retry of a row the broker did not confirm
   * @param maxBackoff the longest delay between retries (the delay doubles up to it)
   * @param unroutedGrace how long an event no queue takes (no consumer declared yet) is retried
   *     before it is given up; covers consumers that start after the publisher on a first
   *     deployment
   * @param retention how long sent rows stay in the table for inspection
   */
  public record Outbox(
      @DefaultValue("true") boolean relay,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("20ms") Duration linger,
      @DefaultValue("100") int batchSize,
      @DefaultValue("10s") Duration confirmTimeout,
      @DefaultValue("1s") Duration initialBackoff,
      @DefaultValue("1m") Duration maxBackoff,
      @DefaultValue("10m") Duration unroutedGrace,
      @DefaultValue("7d") Duration retention) {}

  /**
   * The consumer side. A failing event is tried {@code maxAttempts} times with exponential backoff,
   * then sent to the dead-letter exchange; the next message is not held up longer than that.
   *
   * @param enabled off to declare the queue but not consume (tests)
   * @param concurrency consumers on the service's queue; ordering per aggregate holds for any
   *     number (consumers of one aggregate's events take turns on its position). On SQLite, one
   *     writer at a time anyway: keep 1
   * @param retention how long applied event ids, and positions no delivery asks about any more, are
   *     kept ({@link InboxStore#purgeBefore}); longer than any redelivery or replay can come
   */
  public record Inbox(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("200ms") Duration initialBackoff,
      @DefaultValue("2.0") double backoffMultiplier,
      @DefaultValue("2s") Duration maxBackoff,
      @DefaultValue("1") int concurrency,
      @DefaultValue("20") int prefetch,
      @DefaultValue("30d") Duration retention) {}
}
