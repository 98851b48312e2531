package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.orders.ticketreplica.Replicas;
import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The orders API over HTTP with tokens of a real Keycloak: reservation and its conflicts, ownership
 * (somebody else's order is 404) and tenancy (an airline's orders only to its auditors and tenant
 * admins).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"airtix.messaging.outbox.relay=false", "airtix.messaging.inbox.enabled=false"})
@DirtiesContext
class OrdersApiIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  private static String customerA;
  private static String customerB;
  private static String aeroluxAgent;
  private static String aeroluxAuditor;
  private static String aeroluxAdmin;
  private static String borealAuditor;

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  private ServiceHttp api;

  @DynamicPropertySource
  static void realKeycloakAndScratchDatabase(DynamicPropertyRegistry registry) throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    String dataDir = Files.createTempDirectory("airtix-orders-api").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @BeforeAll
  static void logIn() {
    customerA = token(TestUsers.customer());
    customerB = token(TestUsers.customer());
    aeroluxAgent = token(TestUsers.member("aerolux", "agent"));
    aeroluxAuditor = token(TestUsers.member("aerolux", "auditor"));
    aeroluxAdmin = token(TestUsers.member("aerolux", "tenant-admin"));
    borealAuditor = token(TestUsers.member("boreal", "auditor"));
  }

  @BeforeEach
  void client() {
    api = new ServiceHttp(port);
  }

  @Test
  void reservesWith201AndRefusesTheSameTicketToTheNextCustomerWith409() throws Exception {
    TicketCreated ticket = available("aerolux");

    Reply first = api.send("POST", "/api/orders", customerA, reserve(ticket));
    Reply second = api.send("POST", "/api/orders", customerB, reserve(ticket));

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.body().path("status").asString()).isEqualTo("CREATED");
    assertThat(first.body().path("expiresAt").asString()).endsWith("Z");
    assertThat(first.header("Location"))
        .endsWith("/api/orders/" + first.body().path("id").asString());
    assertThat(second.status()).as(second.toString()).isEqualTo(409);
    assertThat(second.problem()).isEqualTo("ticket-unavailable");
    assertThat(second.body().path("code").asString()).isEqualTo("TICKET_UNAVAILABLE");
  }

  @Test
  void answersAChangedPriceWith409CarryingTheCurrentPrice() throws Exception {
    TicketCreated ticket = available("aerolux");
    Replicas.apply(context, Replicas.changed(ticket, 1, new BigDecimal("149.00"), "AVAILABLE"));

    Reply reply = api.send("POST", "/api/orders", customerA, reserve(ticket));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
    assertThat(reply.problem()).isEqualTo("price-changed");
    assertThat(reply.body().path("currentPrice").decimalValue()).isEqualByComparingTo("149.00");
    assertThat(reply.body().path("currency").asString()).isEqualTo("EUR");
    assertThat(
            api.send("GET", "/api/orders", customerA, null)
                .body()
                .path("items")
                .valueStream()
                .map(order -> order.path("ticketId").asString()))
        .doesNotContain(ticket.ticketId().toString());
  }

  @Test
  void answersUnknownTicket404NoToken401AndInvalidBody400() throws Exception {
    String unknown =
        """
        {"ticketId":"%s","price":10.00,"currency":"EUR"}"""
            .formatted(UUID.randomUUID());
    TicketCreated ticket = available("aerolux");

    assertThat(api.send("POST", "/api/orders", customerA, unknown).status()).isEqualTo(404);
    assertThat(api.send("POST", "/api/orders", null, reserve(ticket)).status()).isEqualTo(401);
    // (no 403 case here: every account Keycloak creates holds the realm's default role customer,
    // staff included; ReservationsIntegrationTests refuses a caller without it)
    assertThat(api.send("POST", "/api/orders", customerA, "{\"ticketId\":null}").status())
        .isEqualTo(400);
  }

  @Test
  void hidesACustomersOrderFromOtherCustomersWith404() throws Exception {
    String id = reserved(customerA, available("boreal"));

    assertThat(api.send("GET", "/api/orders/" + id, customerB, null).status()).isEqualTo(404);
    assertThat(api.send("POST", "/api/orders/" + id + "/cancel", customerB, null).status())
        .isEqualTo(404);
    assertThat(api.send("DELETE", "/api/orders/" + id, customerB, null).status()).isEqualTo(404);
    assertThat(
            api.send("GET", "/api/orders", customerB, null)
                .body()
                .path("items")
                .valueStream()
                .map(order -> order.path("id").asString()))
        .doesNotContain(id);
    Reply own = api.send("GET", "/api/orders/" + id, customerA, null);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body().path("status").asString()).isEqualTo("CREATED");
  }

  @Test
  void letsTheOwnerCancelOnceThenAnswers409() throws Exception {
    String byPost = reserved(customerA, available("aerolux"));
    String byDelete = reserved(customerA, available("aerolux"));

    Reply cancelled = api.send("POST", "/api/orders/" + byPost + "/cancel", customerA, null);
    Reply deleted = api.send("DELETE", "/api/orders/" + byDelete, customerA, null);

    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
    assertThat(cancelled.body().path("cancellationReason").asString()).isEqualTo("CUSTOMER");
    assertThat(deleted.status()).isEqualTo(204);
    Reply again = api.send("DELETE", "/api/orders/" + byPost, customerA, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problem()).isEqualTo("order-not-cancellable");
  }

  @Test
  void listsTheCustomersOwnOrdersNewestFirst() throws Exception {
    String older = reserved(customerB, available("aerolux"));
    String newer = reserved(customerB, available("boreal"));

    JsonNode page = api.send("GET", "/api/orders?size=100", customerB, null).body();

    List<String> ids = new ArrayList<>();
    page.path("items").forEach(order -> ids.add(order.path("id").asString()));
    assertThat(ids).containsSubsequence(newer, older);
    assertThat(page.path("size").asInt()).isEqualTo(100);
  }

  @Test
  void showsAnAirlinesOrdersToItsAgentAuditorAndTenantAdminButNeverAnotherAirlines()
      throws Exception {
    String aeroluxOrder = reserved(customerA, available("aerolux"));
    String borealOrder = reserved(customerA, available("boreal"));

    Reply byAuditor =
        api.send("GET", "/api/airlines/aerolux/orders?size=100", aeroluxAuditor, null);
    Reply byAdmin = api.send("GET", "/api/airlines/aerolux/orders?size=100", aeroluxAdmin, null);
    Reply byAgent = api.send("GET", "/api/airlines/aerolux/orders?size=100", aeroluxAgent, null);

    assertThat(byAuditor.status()).as(byAuditor.toString()).isEqualTo(200);
    assertThat(idsAndAirlines(byAuditor))
        .contains(aeroluxOrder + "@aerolux")
        .allMatch(order -> order.endsWith("@aerolux"))
        .noneMatch(order -> order.startsWith(borealOrder));
    assertThat(idsAndAirlines(byAdmin)).contains(aeroluxOrder + "@aerolux");
    assertThat(byAgent.status()).as(byAgent.toString()).isEqualTo(200);
    assertThat(idsAndAirlines(byAgent))
        .contains(aeroluxOrder + "@aerolux")
        .allMatch(order -> order.endsWith("@aerolux"));
    Reply foreign = api.send("GET", "/api/airlines/aerolux/orders", borealAuditor, null);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(api.send("GET", "/api/airlines/boreal/orders", aeroluxAgent, null).status())
        .isEqualTo(404);
    assertThat(api.send("GET", "/api/airlines/aerolux/orders", customerA, null).status())
        .isEqualTo(403);
    assertThat(
            idsAndAirlines(
                api.send("GET", "/api/airlines/boreal/orders?size=100", borealAuditor, null)))
        .contains(borealOrder + "@boreal")
        .allMatch(order -> order.endsWith("@boreal"));
  }

  private TicketCreated available(String airline) {
    TicketCreated ticket = Replicas.availableTicket(airline);
    Replicas.apply(context, ticket);
    return ticket;
  }

  private String reserved(String customer, TicketCreated ticket) throws Exception {
    Reply reply = api.send("POST", "/api/orders", customer, reserve(ticket));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.body().path("id").asString();
  }

  private static String reserve(TicketCreated ticket) {
    return """
        {"ticketId":"%s","price":%s,"currency":"%s"}"""
        .formatted(ticket.ticketId(), ticket.price(), ticket.currency());
  }

  private static List<String> idsAndAirlines(Reply reply) {
    List<String> orders = new ArrayList<>();
    reply
        .body()
        .path("items")
        .forEach(
            order ->
                orders.add(order.path("id").asString() + "@" + order.path("airline").asString()));
    return orders;
  }

  private static String token(io.airtix.keycloakclient.NewUser user) {
    TestUser created = keycloak.createUser(user);
    return keycloak.login(created).accessToken();
  }
}
