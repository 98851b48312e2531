package io.airtix.orders.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.keycloakclient.NewUser;
import io.airtix.orders.OrdersApplication;
import io.airtix.testing.database.DatabaseScan;
import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.tickets.TicketsApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person's account lives and dies in Keycloak; the orders service follows through Keycloak's
 * events on the broker Keycloak publishes to (the machine's RabbitMQ), and the tickets service runs
 * beside it on its own database. After the deletion, no database of the services holds the person's
 * e-mail address or name, and the sale is kept.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountErasureIntegrationTests {

  private static final Duration DELIVERY = Duration.ofSeconds(30);
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final KeycloakServer keycloak = KeycloakServer.shared();

  private static ConfigurableApplicationContext orders;
  private static ConfigurableApplicationContext tickets;
  private static ServiceHttp ordersApi;
  private static ServiceHttp ticketsApi;

  @BeforeAll
  static void startServices() throws IOException {
    orders = start(OrdersApplication.class, "orders-" + RUN);
    tickets = start(TicketsApplication.class, "tickets-" + RUN);
    ordersApi = new ServiceHttp(port(orders));
    ticketsApi = new ServiceHttp(port(tickets));
  }

  @AfterAll
  static void stopServices() {
    for (ConfigurableApplicationContext context :
        new ConfigurableApplicationContext[] {orders, tickets}) {
      if (context != null) {
        context.close();
      }
    }
    KeycloakEventBroker broker = KeycloakEventBroker.configured();
    CachingConnectionFactory connections =
        new CachingConnectionFactory(broker.host(), broker.port());
    try {
      RabbitAdmin admin = new RabbitAdmin(connections);
      for (String service : List.of("orders-" + RUN, "tickets-" + RUN)) {
        admin.deleteQueue(service + ".events");
        admin.deleteQueue(service + ".dead-letter");
      }
    } finally {
      connections.destroy();
    }
  }

  @Test
  void keepsTheCustomersNameAndEmailCurrentForReceipts() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    TestUser person =
        keycloak.createUser(
            NewUser.customer(
                "receipt-" + marker,
                "receipt-" + marker + "@example.org",
                "Rita",
                "Receipt" + marker,
                TestUsers.randomPassword()));
    Customers customers = orders.getBean(Customers.class);

    await().atMost(DELIVERY).until(() -> customers.contactOf(person.id()).isPresent());
    assertThat(customers.contactOf(person.id()))
        .hasValue(
            new CustomerContact("receipt-" + marker + "@example.org", "Rita", "Receipt" + marker));

    UserResource account = keycloak.airtixRealm().resource().users().get(person.id());
    UserRepresentation profile = account.toRepresentation();
    profile.setLastName("Married" + marker);
    profile.setEmail("married-" + marker + "@example.org");
    account.update(profile);

    await()
        .atMost(DELIVERY)
        .until(
            () ->
                customers
                    .contactOf(person.id())
                    .map(contact -> contact.lastName().equals("Married" + marker))
                    .orElse(false));
    assertThat(customers.contactOf(person.id()).orElseThrow().email())
        .isEqualTo("married-" + marker + "@example.org");
  }

  @Test
  void erasesTheDeletedPersonFromEveryDatabaseAndKeepsTheSaleWithoutThem(CapturedOutput output)
      throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String email = "erase-me-" + marker + "@example.org";
    String firstName = "Erasmus" + marker;
    String lastName = "Forgetful" + marker;
    TestUser person =
        keycloak.createUser(
            NewUser.customer(
                "erase-me-" + marker, email, firstName, lastName, TestUsers.randomPassword()));
    Customers customers = orders.getBean(Customers.class);
    await().atMost(DELIVERY).until(() -> customers.contactOf(person.id()).isPresent());
    String orderId = reserveATicket(keycloak.login(person).accessToken());
    assertThat(scanEveryDatabaseFor(email)).isNotEmpty();

    keycloak.airtixRealm().resource().users().delete(person.id()).close();

    await()
        .atMost(DELIVERY)
        .until(
            () ->
                customers.contactOf(person.id()).isEmpty()
                    && customerOf(orderId).equals(CustomerEvents.ERASED));
    for (String personal : List.of(email, firstName, lastName)) {
      assertThat(scanEveryDatabaseFor(personal)).as("cells holding '%s'", personal).isEmpty();
    }
    assertThat(
            orders
                .getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM orders WHERE customer_id = ?")
                .param(person.id())
                .query(Long.class)
                .single())
        .as("orders still linked to the person")
        .isZero();
    Map<String, Object> sale =
        orders
            .getBean(JdbcClient.class)
            .sql("SELECT ticket_id, airline, price, currency, status FROM orders WHERE id = ?")
            .param(orderId)
            .query()
            .singleRow();
    assertThat(sale).containsEntry("airline", "aerolux").containsEntry("currency", "EUR");
    List<String> erasureLog =
        output.getAll().lines().filter(line -> line.contains("Erased a deleted account")).toList();
    assertThat(erasureLog).hasSize(1);
    assertThat(erasureLog.get(0))
        .doesNotContain(email, firstName, lastName, person.id(), person.username())
        .contains("1 orders kept without their customer");
  }

  private static String reserveATicket(String customerToken) throws Exception {
    String agent =
        keycloak.login(keycloak.createUser(TestUsers.member("aerolux", "agent"))).accessToken();
    String departure =
        Instant.now().plus(Duration.ofDays(9)).truncatedTo(ChronoUnit.MINUTES).toString();
    Reply ticket =
        ticketsApi.send(
            "POST",
            "/api/tickets",
            agent,
            """
        {"airline":"aerolux","flightNumber":"LX%d","origin":"LUX","destination":"CDG","departureTime":"%s",
         "cabin":"ECONOMY","seat":"%dC","price":129.90,"currency":"EUR"}
        """
                .formatted(
                    100 + (int) (Math.random() * 899), departure, 1 + (int) (Math.random() * 59)));
    assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
    String ticketId = ticket.body().path("id").asString();
    String reserve =
        """
        {"ticketId":"%s","price":129.90,"currency":"EUR"}"""
            .formatted(ticketId);
    await()
        .atMost(DELIVERY)
        .until(
            () ->
                ordersApi.send("GET", "/api/orders", customerToken, null).status() == 200
                    && orders
                            .getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM ticket_replica WHERE id = ?")
                            .param(ticketId)
                            .query(Long.class)
                            .single()
                        == 1);
    Reply order = ordersApi.send("POST", "/api/orders", customerToken, reserve);
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    return order.body().path("id").asString();
  }

  private static String customerOf(String orderId) {
    return orders
        .getBean(JdbcClient.class)
        .sql("SELECT customer_id FROM orders WHERE id = ?")
        .param(orderId)
        .query(String.class)
        .single();
  }

  private static List<String> scanEveryDatabaseFor(String personal) throws Exception {
    List<String> found =
        new java.util.ArrayList<>(DatabaseScan.find(orders.getBean(DataSource.class), personal));
    found.addAll(DatabaseScan.find(tickets.getBean(DataSource.class), personal));
    return found;
  }

  /**
   * Standalone databases (SQLite files), the broker Keycloak publishes to, the platform's default
   * exchange.
   */
  private static ConfigurableApplicationContext start(Class<?> application, String service)
      throws IOException {
    KeycloakEventBroker broker = KeycloakEventBroker.configured();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("management.server.port", "0");
    properties.put(
        "airtix.data-dir", Files.createTempDirectory("airtix-erasure-" + service).toString());
    properties.put("airtix.security.issuer-uri", keycloak.issuer());
    properties.put("spring.rabbitmq.host", broker.host());
    properties.put("spring.rabbitmq.port", broker.port());
    properties.put("airtix.messaging.service", service);
    properties.put("airtix.messaging.outbox.initial-backoff", "200ms");
    properties.put("airtix.messaging.outbox.max-backoff", "1s");
    return new SpringApplicationBuilder(application)
        .run(
            properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }
}
