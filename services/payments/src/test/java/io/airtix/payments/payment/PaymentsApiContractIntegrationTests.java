package io.airtix.payments.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.orders.OrderCreated;
import io.airtix.payments.PaymentsHttp;
import io.airtix.testing.database.DatabaseScan;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.openapi.ApiContract;
import io.airtix.testing.openapi.ApiFuzzer;
import io.airtix.testing.openapi.ValidCall;
import io.airtix.testing.stripe.StripeStandIn;
import io.airtix.testing.stripe.StripeWebhooks;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The payments API with Stripe (its stand-in and signed webhooks) against its own OpenAPI
 * description: every operation called, each answer as described; then bad input derived from the
 * description refused as it should be, with nothing written.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.payments.stripe.api-key=" + StripeStandIn.API_KEY,
      "airtix.payments.stripe.webhook-secret=" + StripeStandIn.WEBHOOK_SECRET,
      "airtix.payments.stripe.max-network-retries=0"
    })
@DirtiesContext
class PaymentsApiContractIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();
  private static final StripeStandIn stripe = StripeStandIn.start();

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void realKeycloakStripeStandInAndScratchDatabase(DynamicPropertyRegistry registry)
      throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    // the broker of the test Keycloak's events, never whatever answers on the standalone port
    KeycloakEventBroker broker = KeycloakEventBroker.configured();
    registry.add("spring.rabbitmq.host", broker::host);
    registry.add("spring.rabbitmq.port", broker::port);
    registry.add("airtix.payments.stripe.api-base", stripe::apiBase);
    String dataDir = Files.createTempDirectory("airtix-payments-contract").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @AfterAll
  static void stopStripe() {
    stripe.close();
  }

  @Test
  void everyOperationAnswersAsDescribedAndRefusesBadInputWritingNothing(TestReporter report)
      throws Exception {
    stripe.answer();
    ApiContract contract =
        ApiContract.of(URI.create("http://localhost:" + managementPort + "/actuator/openapi"));
    PaymentsHttp http = new PaymentsHttp(port);
    ApiFuzzer fuzzer = new ApiFuzzer(contract, http, () -> DatabaseScan.rowCounts(dataSource));
    TestUser customer = keycloak.createUser(TestUsers.customer());
    String token = keycloak.login(customer).accessToken();
    String auditor =
        keycloak.login(keycloak.createUser(TestUsers.member("boreal", "auditor"))).accessToken();
    List<String> failures = new ArrayList<>();

    failures.addAll(fuzzer.fuzz(new ValidCall("POST", "/api/payments", token, payFor(customer))));
    Reply payment = http.send("POST", "/api/payments", token, payFor(customer));
    assertThat(payment.status()).as("%s", payment).isEqualTo(201);
    String id = payment.body().path("id").asString();
    failures.addAll(fuzzer.fuzz(ValidCall.get("/api/payments?page=0&size=5", token)));
    failures.addAll(fuzzer.fuzz(ValidCall.get("/api/payments/" + id, token)));
    failures.addAll(
        fuzzer.fuzz(ValidCall.get("/api/airlines/boreal/payments?page=0&size=5", auditor)));
    StripeWebhooks.Call succeeded =
        StripeWebhooks.signed(
            StripeWebhooks.succeeded(
                StripeWebhooks.newEventId(),
                payment.body().path("intentId").asString(),
                Instant.now()));
    failures.addAll(
        fuzzer.fuzz(
            new ValidCall(
                "POST",
                "/api/payments/stripe/webhook",
                null,
                succeeded.payload(),
                Map.of("Stripe-Signature", succeeded.signature()))));

    report.publishEntry("bad inputs sent", String.valueOf(fuzzer.badInputsSent()));
    assertThat(failures).isEmpty();
    assertThat(fuzzer.badInputsSent()).isGreaterThan(40);
    contract.assertEveryOperationCalled();
    assertThat(contract.document()).doesNotContain("\"caller\"", "simulated-confirmation");
  }

  private String payFor(TestUser customer) {
    OrderCreated order = OrderReplicas.created("boreal", customer.id());
    OrderReplicas.apply(context, order);
    return """
        {"orderId":"%s"}"""
        .formatted(order.orderId());
  }
}
