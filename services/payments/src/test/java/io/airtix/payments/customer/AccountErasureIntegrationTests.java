package io.airtix.payments.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.EventEnvelope;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.users.UserDeleted;
import io.airtix.payments.PaymentsHttp;
import io.airtix.payments.payment.OrderReplicas;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deleted account leaves the payments service: its payments and orders stay for accounting
 * without the person, and the erasure is logged without anything that identifies them. The event is
 * applied through the service's listener, as its inbox applies it (the way Keycloak's event reaches
 * the inbox is proven in the orders service and libs/testing).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.payments.stripe.api-key=",
      "airtix.payments.stripe.webhook-secret="
    })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class AccountErasureIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  @Autowired JdbcClient jdbc;

  @Autowired TransactionTemplate transactions;

  @DynamicPropertySource
  static void realKeycloakAndScratchDatabase(DynamicPropertyRegistry registry) throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    String dataDir = Files.createTempDirectory("airtix-payments-erasure").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @Test
  void keepsTheDeletedPersonsPaymentsAndOrdersWithoutThem(CapturedOutput output) throws Exception {
    TestUser person = keycloak.createUser(TestUsers.customer());
    TestUser someoneElse = keycloak.createUser(TestUsers.customer());
    String paymentId = paymentOf(person);
    String othersPaymentId = paymentOf(someoneElse);

    transactions.executeWithoutResult(
        status ->
            context
                .getBean(AccountErasure.class)
                .on(EventEnvelope.wrap(new UserDeleted(person.id(), 1, "airtix"), Instant.now())));

    assertThat(customersOf("payments")).doesNotContain(person.id()).contains(someoneElse.id());
    assertThat(customersOf("order_replica")).doesNotContain(person.id()).contains(someoneElse.id());
    assertThat(
            jdbc.sql("SELECT customer_id FROM payments WHERE id = ?")
                .param(paymentId)
                .query(String.class)
                .single())
        .isEqualTo(AccountErasure.ERASED);
    assertThat(
            jdbc.sql("SELECT customer_id FROM payments WHERE id = ?")
                .param(othersPaymentId)
                .query(String.class)
                .single())
        .isEqualTo(someoneElse.id());
    List<String> erasureLog =
        output.getAll().lines().filter(line -> line.contains("Erased a deleted account")).toList();
    assertThat(erasureLog).hasSize(1);
    assertThat(erasureLog.get(0))
        .doesNotContain(person.id(), person.username(), person.email())
        .contains("1 payments and 1 orders kept without their customer");
  }

  private String paymentOf(TestUser customer) throws Exception {
    OrderCreated order = OrderReplicas.created("aerolux", customer.id());
    OrderReplicas.apply(context, order);
    Reply started =
        new PaymentsHttp(port)
            .send(
                "POST",
                "/api/payments",
                keycloak.login(customer).accessToken(),
                """
        {"orderId":"%s"}"""
                    .formatted(order.orderId()));
    assertThat(started.status()).as("%s", started).isEqualTo(201);
    return started.body().path("id").asString();
  }

  private List<String> customersOf(String table) {
    return jdbc.sql("SELECT customer_id FROM " + table).query(String.class).list();
  }
}
