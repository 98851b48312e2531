package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import io.airtix.events.orders.OrderExpired;
import io.airtix.keycloakclient.NewUser;
import io.airtix.orders.OrdersApplication;
import io.airtix.orders.ticketreplica.ReplicatedTicket;
import io.airtix.orders.ticketreplica.ReplicatedTickets;
import io.airtix.platform.messaging.EventJson;
import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.services.TestServices;
import io.airtix.tickets.TicketsApplication;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sale end to end on the machine's RabbitMQ: the real tickets service and the real orders
 * service, each its own Spring context and SQLite database in this JVM, talking only through
 * events; callers hold real Keycloak tokens. Each run uses its own exchange and service names, so
 * queues of other runs never see its events.
 */
class SaleIntegrationTests {

  private static final Duration DELIVERY = Duration.ofSeconds(30);
  private static final String RABBITMQ_HOST = TestServices.rabbitMq().host();
  private static final int RABBITMQ_PORT = TestServices.rabbitMq().port();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String EXCHANGE = "test.sale." + RUN;

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  private static ConfigurableApplicationContext tickets;
  private static ConfigurableApplicationContext orders;
  private static ServiceHttp ticketsApi;
  private static ServiceHttp ordersApi;
  private static String customer;
  private static String agent;

  @BeforeAll
  static void startBothServices() throws IOException {
    requireRabbitMq();
    orders = start(OrdersApplication.class, "orders-" + RUN);
    tickets = start(TicketsApplication.class, "tickets-" + RUN);
    ordersApi = new ServiceHttp(port(orders));
    ticketsApi = new ServiceHttp(port(tickets));
    customer = token(TestUsers.customer());
    agent = token(TestUsers.member("aerolux", "agent"));
  }

  @AfterAll
  static void stopBothServices() {
    for (ConfigurableApplicationContext context :
        new ConfigurableApplicationContext[] {orders, tickets}) {
      if (context != null) {
        context.close();
      }
    }
    CachingConnectionFactory connections =
        new CachingConnectionFactory(RABBITMQ_HOST, RABBITMQ_PORT);
    try {
      RabbitAdmin admin = new RabbitAdmin(connections);
      for (String service : new String[] {"orders-" + RUN, "tickets-" + RUN}) {
        admin.deleteQueue(service + ".events");
        admin.deleteQueue(service + ".dead-letter");
      }
      admin.deleteExchange(EXCHANGE);
    } finally {
      connections.destroy();
    }
  }

  @Test
  void reservingHoldsTheTicketAndCancellingReleasesIt() throws Exception {
    String ticketId = createTicket();
    await().atMost(DELIVERY).until(() -> replicaOf(ticketId).isPresent());

    Reply reserved = ordersApi.send("POST", "/api/orders", customer, reserve(ticketId, "129.90"));
    assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
    String orderId = reserved.body().path("id").asString();

    await().atMost(DELIVERY).until(() -> ticketStatus(ticketId).equals("RESERVED"));
    Reply edit = ticketsApi.send("PUT", "/api/tickets/" + ticketId, agent, edit(1));
    assertThat(edit.status()).as(edit.toString()).isEqualTo(423);
    Reply taken = ordersApi.send("POST", "/api/orders", customer, reserve(ticketId, "129.90"));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(409);

    Reply cancelled = ordersApi.send("POST", "/api/orders/" + orderId + "/cancel", customer, null);
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

    await().atMost(DELIVERY).until(() -> ticketStatus(ticketId).equals("AVAILABLE"));
    // the tickets service reported neither the hold nor its end: both were the orders service's own
    assertThat(replicaOf(ticketId).orElseThrow().version()).isZero();
    Reply again = ordersApi.send("POST", "/api/orders", customer, reserve(ticketId, "129.90"));
    assertThat(again.status())
        .as("the released ticket can be reserved again: " + again)
        .isEqualTo(201);
  }

  @Test
  void anExpiredDeadlineCancelsACreatedOrderButNotOneWhosePaymentStarted() throws Exception {
    String waitingTicket = createTicket();
    String payingTicket = createTicket();
    await()
        .atMost(DELIVERY)
        .until(() -> replicaOf(waitingTicket).isPresent() && replicaOf(payingTicket).isPresent());
    String waiting =
        ordersApi
            .send("POST", "/api/orders", customer, reserve(waitingTicket, "129.90"))
            .body()
            .path("id")
            .asString();
    String paying =
        ordersApi
            .send("POST", "/api/orders", customer, reserve(payingTicket, "129.90"))
            .body()
            .path("id")
            .asString();
    await().atMost(DELIVERY).until(() -> ticketStatus(waitingTicket).equals("RESERVED"));
    startPayment(UUID.fromString(paying));

    UUID payingDeadline = publishExpired(paying);
    publishExpired(waiting);

    await().atMost(DELIVERY).until(() -> orderStatus(waiting).equals("CANCELLED"));
    assertThat(
            ordersApi
                .send("GET", "/api/orders/" + waiting, customer, null)
                .body()
                .path("cancellationReason")
                .asString())
        .isEqualTo("EXPIRED");
    await().atMost(DELIVERY).until(() -> ticketStatus(waitingTicket).equals("AVAILABLE"));
    await().atMost(DELIVERY).until(() -> applied(payingDeadline));
    assertThat(orderStatus(paying)).isEqualTo("AWAITING_PAYMENT");
    assertThat(ticketStatus(payingTicket)).isEqualTo("RESERVED");
  }

  private static ConfigurableApplicationContext start(Class<?> application, String service)
      throws IOException {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("management.server.port", "0");
    properties.put(
        "airtix.data-dir", Files.createTempDirectory("airtix-sale-" + service).toString());
    properties.put("airtix.security.issuer-uri", keycloak.issuer());
    properties.put("spring.rabbitmq.host", RABBITMQ_HOST);
    properties.put("spring.rabbitmq.port", RABBITMQ_PORT);
    properties.put("airtix.messaging.exchange", EXCHANGE);
    properties.put("airtix.messaging.service", service);
    // the other service's queue may not exist yet at the first publish: retry soon
    properties.put("airtix.messaging.outbox.initial-backoff", "200ms");
    properties.put("airtix.messaging.outbox.max-backoff", "1s");
    // as command-line arguments: they win over the service's yaml, as in a real start
    return new SpringApplicationBuilder(application)
        .run(
            properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new));
  }

  private static String createTicket() throws Exception {
    String departure =
        Instant.now().plus(Duration.ofDays(9)).truncatedTo(ChronoUnit.MINUTES).toString();
    String body =
        """
        {"airline":"aerolux","flightNumber":"LX%d","origin":"LUX","destination":"CDG","departureTime":"%s",
         "cabin":"ECONOMY","seat":"%dC","price":129.90,"currency":"EUR"}
        """
            .formatted(
                100 + (int) (Math.random() * 899), departure, 1 + (int) (Math.random() * 59));
    Reply created = ticketsApi.send("POST", "/api/tickets", agent, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.body().path("id").asString();
  }

  private static String edit(long version) {
    return """
        {"flightNumber":"LX900","origin":"LUX","destination":"LHR","departureTime":"%s",
         "cabin":"BUSINESS","seat":"2C","price":499.00,"currency":"EUR","version":%d}
        """
        .formatted(
            Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES), version);
  }

  private static String reserve(String ticketId, String price) {
    return """
        {"ticketId":"%s","price":%s,"currency":"EUR"}"""
        .formatted(ticketId, price);
  }

  private static String ticketStatus(String ticketId) throws Exception {
    return ticketsApi
        .send("GET", "/api/tickets/" + ticketId, null, null)
        .body()
        .path("status")
        .asString();
  }

  private static String orderStatus(String orderId) throws Exception {
    return ordersApi
        .send("GET", "/api/orders/" + orderId, customer, null)
        .body()
        .path("status")
        .asString();
  }

  private static Optional<ReplicatedTicket> replicaOf(String ticketId) {
    return orders.getBean(ReplicatedTickets.class).find(UUID.fromString(ticketId));
  }

  /** Stand-in for the payments service's future event: payment started. */
  private static void startPayment(UUID orderId) {
    OrderRepository repository = orders.getBean(OrderRepository.class);
    new TransactionTemplate(orders.getBean(PlatformTransactionManager.class))
        .executeWithoutResult(
            status -> repository.findById(orderId).orElseThrow().awaitPayment(Instant.now()));
  }

  /** The expiration service's event, as it will publish it: to the exchange, routing key = type. */
  private static UUID publishExpired(String orderId) {
    OrderExpired expired = new OrderExpired(UUID.fromString(orderId), 0, "aerolux", Instant.now());
    EventEnvelope<OrderExpired> envelope = EventEnvelope.wrap(expired, Instant.now());
    Message message =
        MessageBuilder.withBody(
                new EventJson(EventTypes.AIRTIX).write(envelope).getBytes(StandardCharsets.UTF_8))
            .setContentType("application/json")
            .setMessageId(envelope.id().toString())
            .setType(OrderExpired.TYPE)
            .setAppId("expiration")
            .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
            .build();
    CachingConnectionFactory connections =
        new CachingConnectionFactory(RABBITMQ_HOST, RABBITMQ_PORT);
    try {
      new RabbitTemplate(connections).send(EXCHANGE, OrderExpired.TYPE, message);
    } finally {
      connections.destroy();
    }
    return envelope.id();
  }

  private static boolean applied(UUID eventId) {
    return orders
            .getBean(JdbcClient.class)
            .sql("SELECT count(*) FROM airtix_inbox WHERE event_id = ?")
            .param(eventId.toString())
            .query(Long.class)
            .single()
        == 1;
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  private static String token(NewUser user) {
    return keycloak.login(keycloak.createUser(user)).accessToken();
  }

  private static void requireRabbitMq() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(RABBITMQ_HOST, RABBITMQ_PORT), 2_000);
    } catch (IOException ex) {
      throw new IllegalStateException(
          "RabbitMQ is required by this test and does not answer at "
              + RABBITMQ_HOST
              + ":"
              + RABBITMQ_PORT
              + " ("
              + ex.getMessage()
              + "). Start RabbitMQ (guest/guest) or set RABBITMQ_HOST/PORT.",
          ex);
    }
  }
}
