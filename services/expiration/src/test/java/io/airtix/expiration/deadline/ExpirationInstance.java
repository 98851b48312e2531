package io.airtix.expiration.deadline;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.expiration.ExpirationApplication;
import io.airtix.platform.retention.Purge;
import io.airtix.platform.retention.Purges;
import io.airtix.platform.retention.RetentionSettings;
import io.airtix.testing.time.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One running expiration service, started as a user starts it (its own Spring context, settings on
 * the command line, an HTTP port of its own); several may share one database, as instances of a
 * deployment do.
 */
final class ExpirationInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private ExpirationInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static ExpirationInstance start(Map<String, String> settings) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--server.port=0");
    arguments.add("--management.server.port=0");
    arguments.add("--spring.main.banner-mode=off");
    settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
    return new ExpirationInstance(
        new SpringApplicationBuilder(ExpirationApplication.class)
            .run(arguments.toArray(String[]::new)));
  }

  /** Applies the event with the real listener, in a transaction as the inbox does. */
  void apply(OrderCreated order) {
    inTransaction(() -> context.getBean(OrderDeadlines.class).on(order));
  }

  void apply(OrderCancelled order) {
    inTransaction(() -> context.getBean(OrderDeadlines.class).on(order));
  }

  void apply(OrderCompleted order) {
    inTransaction(() -> context.getBean(OrderDeadlines.class).on(order));
  }

  DeadlineStatus statusOf(UUID orderId) {
    return deadlines().statusOf(orderId).orElse(null);
  }

  /** The service's purges, run when the clock shows {@code now}. */
  Purges purgesAt(Instant now) {
    return new Purges(
        List.copyOf(context.getBeansOfType(Purge.class).values()),
        new RetentionSettings(Duration.ofHours(1)),
        new MutableClock(now));
  }

  Deadlines deadlines() {
    return context.getBean(Deadlines.class);
  }

  OrderExpiry expiry() {
    return context.getBean(OrderExpiry.class);
  }

  DeadlineIndex index() {
    return context.getBean(DeadlineIndex.class);
  }

  JdbcClient jdbc() {
    return context.getBean(JdbcClient.class);
  }

  /**
   * The order.expired events this instance's database holds for the order, as the outbox keeps
   * them.
   */
  List<String> expiredEventsOf(UUID orderId) {
    return jdbc()
        .sql(
            "SELECT body FROM airtix_outbox WHERE event_type = 'order.expired' AND aggregate_id = ?")
        .param(orderId.toString())
        .query(String.class)
        .list();
  }

  /** When the database marked the deadline settled (fired or dropped), epoch milliseconds. */
  long settledAt(UUID orderId) {
    return jdbc()
        .sql("SELECT settled_at FROM deadline WHERE order_id = ?")
        .param(orderId.toString())
        .query(Long.class)
        .single();
  }

  double firedCount() {
    return context
        .getBean(MeterRegistry.class)
        .get("airtix.expiration.deadlines.fired")
        .counter()
        .count();
  }

  int port() {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /** Where its actuator answers: a port of its own, on the loopback interface (decision 0031). */
  int managementPort() {
    return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  private void inTransaction(Runnable work) {
    new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
        .executeWithoutResult(status -> work.run());
  }

  @Override
  public void close() {
    context.close();
  }
}
