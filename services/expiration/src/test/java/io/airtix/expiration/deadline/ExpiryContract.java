package io.airtix.expiration.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.orders.OrderExpired;
import io.airtix.platform.messaging.EventJson;
import io.airtix.testing.isolation.ServiceEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deadlines against a real database, each test on a fresh one, with instances of the service
 * started and stopped as a deployment would. Events are read from the outbox (the relay is off):
 * what the outbox holds is what goes out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExpiryContract {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  private final List<ExpirationInstance> instances = new ArrayList<>();
  private final EventJson json = new EventJson(EventTypes.AIRTIX);

  /** The settings of an empty database of this kind, new at each call. */
  abstract Map<String, String> freshDatabase();

  @AfterEach
  void stopInstances() {
    instances.forEach(ExpirationInstance::close);
    instances.clear();
  }

  @Test
  void firesAPassedDeadlineOnceWithOrderExpiredInTheOutbox() {
    ExpirationInstance expiration = start(freshDatabase());
    OrderCreated order = OrderMother.createdUntil(inSeconds(3));

    expiration.apply(order);
    assertThat(expiration.statusOf(order.orderId())).isEqualTo(DeadlineStatus.PENDING);

    await()
        .atMost(PATIENCE)
        .until(() -> expiration.statusOf(order.orderId()) == DeadlineStatus.FIRED);
    assertThat(expiration.settledAt(order.orderId()))
        .as("never before the deadline")
        .isGreaterThanOrEqualTo(order.expiresAt().toEpochMilli());
    assertThat(expiration.expiredEventsOf(order.orderId()))
        .singleElement()
        .satisfies(
            body ->
                assertThat(expiredIn(body))
                    .isEqualTo(new OrderExpired(order.orderId(), 0, "aerolux", order.expiresAt())));

    // once: fired again by hand, by the database sweep, or scheduled again by a redelivered
    // order.created
    assertThat(expiration.expiry().fire(order.orderId(), Instant.now())).isFalse();
    assertThat(expiration.expiry().firePassedInDatabase()).isZero();
    expiration.apply(order);
    assertThat(expiration.statusOf(order.orderId())).isEqualTo(DeadlineStatus.FIRED);
    assertThat(expiration.expiredEventsOf(order.orderId())).hasSize(1);
    assertThat(expiration.firedCount()).isEqualTo(1.0);
  }

  @Test
  void closesThePaymentWindowAfterTheHoldOnceWithTheNextVersionUnlessTheOrderEndedFirst() {
    Map<String, String> settings = new LinkedHashMap<>(freshDatabase());
    settings.put("airtix.expiration.payment-window", "2s");
    ExpirationInstance expiration = start(settings);
    OrderCreated unpaid = OrderMother.createdUntil(inSeconds(1));
    OrderCreated paid = OrderMother.createdUntil(inSeconds(1));
    expiration.apply(unpaid);
    expiration.apply(paid);

    await()
        .atMost(PATIENCE)
        .until(() -> expiration.statusOf(paid.orderId()) == DeadlineStatus.FIRED);
    expiration.apply(OrderMother.completed(paid));
    await()
        .atMost(PATIENCE)
        .until(() -> expiration.statusOf(unpaid.orderId()) == DeadlineStatus.CLOSED);

    assertThat(expiration.expiredEventsOf(unpaid.orderId()))
        .extracting(this::expiredIn)
        .containsExactly(
            new OrderExpired(unpaid.orderId(), 0, "aerolux", unpaid.expiresAt(), false),
            new OrderExpired(
                unpaid.orderId(), 1, "aerolux", unpaid.expiresAt().plusSeconds(2), true));
    assertThat(expiration.settledAt(unpaid.orderId()))
        .as("never before the window closes")
        .isGreaterThanOrEqualTo(unpaid.expiresAt().plusSeconds(2).toEpochMilli());
    assertThat(expiration.expiry().fire(unpaid.orderId(), Instant.now().plusSeconds(60))).isFalse();
    assertThat(expiration.statusOf(paid.orderId())).isEqualTo(DeadlineStatus.DROPPED);
    assertThat(expiration.expiredEventsOf(paid.orderId())).hasSize(1);
    assertThat(expiration.index().passed(Instant.now().plusSeconds(60), 10)).isEmpty();
  }

  @Test
  void neverFiresTheDeadlineOfAnOrderCancelledOrCompletedBeforeIt() {
    ExpirationInstance expiration = start(freshDatabase());
    // far enough ahead for the drops to come first even on a busy machine
    OrderCreated cancelled = OrderMother.createdUntil(inSeconds(3));
    OrderCreated completed = OrderMother.createdUntil(inSeconds(3));
    OrderCreated meanwhileExpiring = OrderMother.createdUntil(inSeconds(3));

    expiration.apply(cancelled);
    expiration.apply(completed);
    expiration.apply(meanwhileExpiring);
    expiration.apply(OrderMother.cancelled(cancelled));
    expiration.apply(OrderMother.completed(completed));

    // the deadline that was not dropped tells when the others' time came too
    await()
        .atMost(PATIENCE)
        .until(() -> expiration.statusOf(meanwhileExpiring.orderId()) == DeadlineStatus.FIRED);
    assertThat(expiration.expiry().firePassedInDatabase()).isZero();
    assertThat(expiration.expiry().fire(cancelled.orderId(), Instant.now())).isFalse();
    for (OrderCreated order : List.of(cancelled, completed)) {
      assertThat(expiration.statusOf(order.orderId())).isEqualTo(DeadlineStatus.DROPPED);
      assertThat(expiration.expiredEventsOf(order.orderId())).isEmpty();
    }
    assertThat(expiration.index().passed(Instant.now(), 10)).isEmpty();
  }

  @Test
  void forgetsTheDeadlinesThatWillNeverFireAgainOnceTheirRetentionHasPassed() {
    Map<String, String> settings = new LinkedHashMap<>(freshDatabase());
    settings.put("airtix.expiration.payment-window", "1s");
    ExpirationInstance expiration = start(settings);
    OrderCreated closed = OrderMother.createdUntil(inSeconds(1));
    OrderCreated dropped = OrderMother.createdUntil(inSeconds(60));
    OrderCreated pending = OrderMother.createdUntil(inSeconds(60));
    expiration.apply(closed);
    expiration.apply(dropped);
    expiration.apply(pending);
    expiration.apply(OrderMother.cancelled(dropped));
    await()
        .atMost(PATIENCE)
        .until(() -> expiration.statusOf(closed.orderId()) == DeadlineStatus.CLOSED);

    expiration.purgesAt(Instant.now()).runOnce();
    assertThat(expiration.statusOf(closed.orderId())).isEqualTo(DeadlineStatus.CLOSED);
    assertThat(expiration.statusOf(dropped.orderId())).isEqualTo(DeadlineStatus.DROPPED);

    expiration.purgesAt(Instant.now().plus(Duration.ofDays(31))).runOnce();
    assertThat(expiration.statusOf(closed.orderId())).isNull();
    assertThat(expiration.statusOf(dropped.orderId())).isNull();
    assertThat(expiration.statusOf(pending.orderId())).isEqualTo(DeadlineStatus.PENDING);
  }

  @Test
  void aRestartFiresTheDeadlinesThatPassedWhileDownAtOnceAndTheOthersOnTime() {
    Map<String, String> database = freshDatabase();
    ExpirationInstance first = start(database);
    List<OrderCreated> missed =
        IntStream.range(0, 5).mapToObj(i -> OrderMother.createdUntil(inSeconds(3))).toList();
    missed.forEach(first::apply);
    // known to the database alone, as if scheduled by an instance that crashed before its index
    // heard of it
    OrderCreated later = OrderMother.createdUntil(inSeconds(6));
    first.deadlines().schedule(Deadline.of(later), Instant.now());
    assertThat(missed)
        .allSatisfy(
            order -> assertThat(first.statusOf(order.orderId())).isEqualTo(DeadlineStatus.PENDING));
    first.close();
    await()
        .atMost(PATIENCE)
        .until(() -> Instant.now().isAfter(missed.get(missed.size() - 1).expiresAt()));

    ExpirationInstance restarted = start(database);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(missed)
                    .allSatisfy(
                        order ->
                            assertThat(restarted.statusOf(order.orderId()))
                                .isEqualTo(DeadlineStatus.FIRED)));
    await()
        .atMost(PATIENCE)
        .until(() -> restarted.statusOf(later.orderId()) == DeadlineStatus.FIRED);
    assertThat(restarted.settledAt(later.orderId()))
        .isGreaterThanOrEqualTo(later.expiresAt().toEpochMilli());
    for (OrderCreated order : missed) {
      assertThat(restarted.expiredEventsOf(order.orderId())).hasSize(1);
    }
    assertThat(restarted.expiredEventsOf(later.orderId())).hasSize(1);
    assertThat(restarted.firedCount()).as("all fired by the restarted instance").isEqualTo(6.0);
  }

  @Test
  void twoInstancesOnOneDatabasePublishOneOrderExpiredPerDeadline() throws Exception {
    Map<String, String> database = freshDatabase();
    ExpirationInstance first = start(database);
    ExpirationInstance second = start(database);
    // scheduled through the first, as its inbox would: its index knows them (Redis: both indexes
    // do)
    List<OrderCreated> scheduled =
        IntStream.range(0, 20).mapToObj(i -> OrderMother.createdUntil(inSeconds(1))).toList();
    scheduled.forEach(first::apply);
    // passed unseen by any index: both instances race for them, each from its database sweep
    List<OrderCreated> unseen =
        IntStream.range(0, 100)
            .mapToObj(
                i ->
                    OrderMother.createdUntil(
                        Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS)))
            .toList();
    unseen.forEach(order -> first.deadlines().schedule(Deadline.of(order), Instant.now()));

    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Integer>> sweeps =
        List.of(first, second, first, second).stream()
            .map(
                instance ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          awaitLatch(go);
                          return instance.expiry().firePassedInDatabase();
                        }))
            .toList();
    go.countDown();
    int firedBySweeps = sweeps.stream().mapToInt(CompletableFuture::join).sum();

    // the unseen ones fired by the sweeps alone; the scheduled ones by a sweep or a watch,
    // whichever came first
    assertThat(firedBySweeps).isBetween(unseen.size(), unseen.size() + scheduled.size());
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(scheduled)
                    .allSatisfy(
                        order ->
                            assertThat(first.statusOf(order.orderId()))
                                .isEqualTo(DeadlineStatus.FIRED)));
    List<OrderCreated> all = new ArrayList<>(scheduled);
    all.addAll(unseen);
    for (OrderCreated order : all) {
      assertThat(first.expiredEventsOf(order.orderId()))
          .as("order.expired of %s", order.orderId())
          .hasSize(1);
    }
    assertThat(
            first
                .jdbc()
                .sql("SELECT count(*) FROM airtix_outbox WHERE event_type = 'order.expired'")
                .query(Long.class)
                .single())
        .isEqualTo(all.size());
    assertThat(first.firedCount() + second.firedCount()).isEqualTo(all.size());
  }

  @Test
  void answersOnlyTheActuatorWithTheCountsOfFiredAndPendingDeadlines() throws Exception {
    ExpirationInstance expiration = start(freshDatabase());
    expiration.apply(OrderMother.createdUntil(Instant.now().plus(Duration.ofHours(1))));
    OrderCreated soon = OrderMother.createdUntil(inSeconds(1));
    expiration.apply(soon);
    await()
        .atMost(PATIENCE)
        .until(() -> expiration.statusOf(soon.orderId()) == DeadlineStatus.FIRED);

    HttpClient http = HttpClient.newHttpClient();
    URI base = URI.create("http://localhost:" + expiration.managementPort());
    var health =
        http.send(
            HttpRequest.newBuilder(base.resolve("/actuator/health")).build(),
            BodyHandlers.ofString());
    var metrics =
        http.send(
            HttpRequest.newBuilder(base.resolve("/actuator/prometheus")).build(),
            BodyHandlers.ofString());

    var metricsOnServicePort =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + expiration.port() + "/actuator/prometheus"))
                .build(),
            BodyHandlers.ofString());

    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(metricsOnServicePort.statusCode()).isEqualTo(404);
    assertThat(health.body()).contains("\"UP\"");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("(?m)^airtix_expiration_deadlines_fired_total(\\{[^}]*})? 1\\.0$")
        .containsPattern("(?m)^airtix_expiration_deadlines_pending(\\{[^}]*})? 1\\.0$")
        // how late the hold fired, with the buckets the alert on late expirations reads
        .containsPattern("(?m)^airtix_expiration_lateness_seconds_count(\\{[^}]*})? 1$")
        .containsPattern("(?m)^airtix_expiration_lateness_seconds_bucket\\{.*le=\"5\\.0\".*} 1$")
        .containsPattern("(?m)^airtix_outbox_oldest_pending_age_seconds(\\{[^}]*})? ")
        .containsPattern("(?m)^airtix_inbox_parked(\\{[^}]*})? 0\\.0$");
    assertThat(ServiceEndpoints.under(expiration.context(), "/"))
        .as("endpoints of its own")
        .isEmpty();
  }

  ExpirationInstance start(Map<String, String> database) {
    Map<String, String> settings = new LinkedHashMap<>(database);
    // what goes out is read from the outbox; no broker is involved
    settings.put("airtix.messaging.outbox.relay", "false");
    settings.put("airtix.messaging.inbox.enabled", "false");
    // here deadlines fire from the index and at start; the periodic sweep is called by hand
    settings.put("airtix.expiration.sweep-interval", "1h");
    ExpirationInstance instance = ExpirationInstance.start(settings);
    instances.add(instance);
    return instance;
  }

  private OrderExpired expiredIn(String body) {
    EventEnvelope<Object> envelope = json.read(body);
    assertThat(envelope.type()).isEqualTo(OrderExpired.TYPE);
    return (OrderExpired) envelope.payload();
  }

  /** That many seconds from now, to the millisecond, as the deadlines table keeps it. */
  private static Instant inSeconds(int seconds) {
    return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS);
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
