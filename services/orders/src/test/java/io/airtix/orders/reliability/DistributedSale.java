package io.airtix.orders.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.orders.OrdersApplication;
import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.postgres.PostgresTestDatabase;
import io.airtix.testing.services.TestServices;
import io.airtix.tickets.TicketsApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tickets and orders services as the distributed mode runs them: profile {@code distributed},
 * each its own scratch PostgreSQL database, RabbitMQ, Redis for the rate limits, tokens of a real
 * Keycloak. Each run has its own exchange, queue names and rate-limit keys, so other runs on the
 * machine never see its events.
 */
final class DistributedSale implements AutoCloseable {

  static final Duration DELIVERY = Duration.ofSeconds(60);

  // one flight per ticket: the catalogue refuses a second ticket for the same seat of a flight
  private static final AtomicInteger FLIGHTS = new AtomicInteger();

  private final KeycloakServer keycloak;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String exchange = "test.reliability." + run;
  private final String ordersService = "orders-" + run;
  private final String ticketsService = "tickets-" + run;
  private final PostgresTestDatabase ordersDatabase;
  private final PostgresTestDatabase ticketsDatabase;
  private ConfigurableApplicationContext orders;
  private ConfigurableApplicationContext tickets;

  DistributedSale(KeycloakServer keycloak) {
    RabbitMqBroker.requireRunning();
    this.keycloak = keycloak;
    this.ordersDatabase = PostgresTestDatabase.create("orders");
    this.ticketsDatabase = PostgresTestDatabase.create("tickets");
  }

  /**
   * Starts (or starts again, on the same database) the orders service; without its relay, it
   * commits but never publishes.
   */
  void startOrders(boolean relay) {
    orders = start(OrdersApplication.class, ordersService, ordersDatabase, relay);
  }

  /**
   * Stops the orders service as if it was killed: with its relay off, whatever it committed was
   * never published.
   */
  void stopOrders() {
    orders.close();
    orders = null;
  }

  void startTickets() {
    startTickets(true);
  }

  /**
   * Starts (or starts again, on the same database) the tickets service; without its relay, it
   * applies the orders' events and commits its own, but never publishes them.
   */
  void startTickets(boolean relay) {
    tickets = start(TicketsApplication.class, ticketsService, ticketsDatabase, relay);
  }

  void stopTickets() {
    tickets.close();
    tickets = null;
  }

  String login(io.airtix.keycloakclient.NewUser user) {
    return keycloak.login(keycloak.createUser(user)).accessToken();
  }

  String createTicket(String agent) throws Exception {
    String departure =
        Instant.now().plus(Duration.ofDays(9)).truncatedTo(ChronoUnit.MINUTES).toString();
    String body =
        """
        {"airline":"aerolux","flightNumber":"LX%d","origin":"LUX","destination":"CDG","departureTime":"%s",
         "cabin":"ECONOMY","seat":"14C","price":129.90,"currency":"EUR"}
        """
            .formatted(100 + FLIGHTS.incrementAndGet(), departure);
    Reply created = api(tickets).send("POST", "/api/tickets", agent, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.body().path("id").asString();
  }

  /** Reserves at the catalogue price; answers the new order's id. */
  String reserve(String customer, String ticketId) throws Exception {
    Reply reserved =
        api(orders)
            .send(
                "POST",
                "/api/orders",
                customer,
                """
        {"ticketId":"%s","price":129.90,"currency":"EUR"}"""
                    .formatted(ticketId));
    assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
    return reserved.body().path("id").asString();
  }

  void cancel(String customer, String orderId) throws Exception {
    Reply cancelled =
        api(orders).send("POST", "/api/orders/" + orderId + "/cancel", customer, null);
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
  }

  /** The airline changes the ticket's price, the rest as {@link #createTicket} made it. */
  void repriceTicket(String agent, String ticketId, String price) throws Exception {
    Reply updated = tryToReprice(agent, ticketId, price);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
  }

  /** Asks to change the ticket's price; answers whatever the tickets service answered. */
  Reply tryToReprice(String agent, String ticketId, String price) throws Exception {
    Reply current = api(tickets).send("GET", "/api/tickets/" + ticketId, agent, null);
    assertThat(current.status()).as(current.toString()).isEqualTo(200);
    var ticket = current.body();
    String body =
        """
        {"flightNumber":"%s","origin":"LUX","destination":"CDG","departureTime":"%s",
         "cabin":"ECONOMY","seat":"14C","price":%s,"currency":"EUR","version":%d}
        """
            .formatted(
                ticket.path("flightNumber").asString(),
                ticket.path("departureTime").asString(),
                price,
                ticket.path("version").asLong());
    return api(tickets).send("PUT", "/api/tickets/" + ticketId, agent, body);
  }

  /** The airline withdraws the ticket from sale. */
  void deleteTicket(String agent, String ticketId) throws Exception {
    Reply deleted = api(tickets).send("DELETE", "/api/tickets/" + ticketId, agent, null);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
  }

  /** The order's status in the orders service's own database. */
  String orderStatus(String orderId) {
    return jdbc(orders)
        .sql("SELECT status FROM orders WHERE id = ?")
        .param(orderId)
        .query(String.class)
        .single();
  }

  /** Why the order ended, in the orders service's own database; null while it has not. */
  String cancellationReason(String orderId) {
    return jdbc(orders)
        .sql("SELECT cancellation_reason FROM orders WHERE id = ?")
        .param(orderId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** The ticket in the tickets service's own database. */
  TicketState ticket(String ticketId) {
    return jdbc(tickets)
        .sql("SELECT status, version FROM ticket WHERE id = ?")
        .param(ticketId)
        .query((row, number) -> new TicketState(row.getString("status"), row.getLong("version")))
        .optional()
        .orElse(TicketState.UNKNOWN);
  }

  /**
   * The ticket's version as its events count them: its own changes, not the holds and sales it
   * heard of.
   */
  long ticketEventVersion(String ticketId) {
    return jdbc(tickets)
        .sql("SELECT event_version FROM ticket WHERE id = ?")
        .param(ticketId)
        .query(Long.class)
        .single();
  }

  /** The orders service's copy of the ticket. */
  TicketState replica(String ticketId) {
    return jdbc(orders)
        .sql("SELECT status, version FROM ticket_replica WHERE id = ?")
        .param(ticketId)
        .query((row, number) -> new TicketState(row.getString("status"), row.getLong("version")))
        .optional()
        .orElse(TicketState.UNKNOWN);
  }

  ConfigurableApplicationContext orders() {
    return orders;
  }

  ConfigurableApplicationContext tickets() {
    return tickets;
  }

  static JdbcClient jdbc(ConfigurableApplicationContext service) {
    return service.getBean(JdbcClient.class);
  }

  /**
   * Ids of the events the service wrote to its outbox, of types starting with {@code typePrefix}.
   */
  static Set<String> published(ConfigurableApplicationContext service, String typePrefix) {
    return new TreeSet<>(
        jdbc(service)
            .sql("SELECT event_id FROM airtix_outbox WHERE event_type LIKE ?")
            .param(typePrefix + "%")
            .query(String.class)
            .list());
  }

  /** Ids of the events the service applied, of types starting with {@code typePrefix}. */
  static Set<String> applied(ConfigurableApplicationContext service, String typePrefix) {
    return new TreeSet<>(
        jdbc(service)
            .sql("SELECT event_id FROM airtix_inbox WHERE event_type LIKE ?")
            .param(typePrefix + "%")
            .query(String.class)
            .list());
  }

  /** Outbox rows the broker has not confirmed yet. */
  static long pending(ConfigurableApplicationContext service) {
    return jdbc(service)
        .sql("SELECT count(*) FROM airtix_outbox WHERE status <> 'SENT'")
        .query(Long.class)
        .single();
  }

  /** Events each service could not apply and sent to its dead-letter queue. */
  long deadLetters() {
    return withAdmin(
        admin -> {
          long count = 0;
          for (String service : List.of(ordersService, ticketsService)) {
            QueueInformation queue = admin.getQueueInfo(service + ".dead-letter");
            count += queue == null ? 0 : queue.getMessageCount();
          }
          return count;
        });
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (Runnable step :
        List.<Runnable>of(
            () -> closeQuietly(orders),
            () -> closeQuietly(tickets),
            this::deleteTopology,
            ordersDatabase::drop,
            ticketsDatabase::drop)) {
      try {
        step.run();
      } catch (RuntimeException ex) {
        failures.add(ex);
      }
    }
    if (!failures.isEmpty()) {
      failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
      throw failures.get(0);
    }
  }

  private ConfigurableApplicationContext start(
      Class<?> application, String service, PostgresTestDatabase database, boolean relay) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.profiles.active", "distributed");
    properties.put("server.port", "0");
    properties.put("management.server.port", "0");
    properties.put("spring.datasource.url", database.jdbcUrl());
    properties.put("spring.datasource.username", PostgresTestDatabase.user());
    properties.put("spring.datasource.password", PostgresTestDatabase.password());
    properties.put("airtix.security.issuer-uri", keycloak.issuer());
    properties.put("spring.rabbitmq.host", RabbitMqBroker.HOST);
    properties.put("spring.rabbitmq.port", RabbitMqBroker.PORT);
    // the rate limits' Redis of the distributed profile: the tests' own
    properties.put("spring.data.redis.host", TestServices.redis().host());
    properties.put("spring.data.redis.port", TestServices.redis().port());
    properties.put("airtix.messaging.exchange", exchange);
    properties.put("airtix.messaging.service", service);
    properties.put("airtix.messaging.outbox.relay", relay);
    // retry soon after the broker comes back, or the other service's queue appears
    properties.put("airtix.messaging.outbox.initial-backoff", "200ms");
    properties.put("airtix.messaging.outbox.max-backoff", "1s");
    properties.put("spring.rabbitmq.listener.simple.recovery-interval", "500ms");
    properties.put("airtix.rate-limits.key-prefix", "airtix-test:" + run + ":");
    // as command-line arguments: they win over the service's yaml, as in a real start
    return new SpringApplicationBuilder(application)
        .run(
            properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new));
  }

  private static ServiceHttp api(ConfigurableApplicationContext service) {
    return new ServiceHttp(
        Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
  }

  private static void closeQuietly(ConfigurableApplicationContext context) {
    if (context != null) {
      context.close();
    }
  }

  private void deleteTopology() {
    withAdmin(
        admin -> {
          for (String service : List.of(ordersService, ticketsService)) {
            admin.deleteQueue(service + ".events");
            admin.deleteQueue(service + ".dead-letter");
          }
          admin.deleteExchange(exchange);
          return null;
        });
  }

  private static <T> T withAdmin(java.util.function.Function<RabbitAdmin, T> work) {
    CachingConnectionFactory connections =
        new CachingConnectionFactory(RabbitMqBroker.HOST, RabbitMqBroker.PORT);
    try {
      return work.apply(new RabbitAdmin(connections));
    } finally {
      connections.destroy();
    }
  }

  record TicketState(String status, long version) {

    static final TicketState UNKNOWN = new TicketState("UNKNOWN", -1);
  }
}
