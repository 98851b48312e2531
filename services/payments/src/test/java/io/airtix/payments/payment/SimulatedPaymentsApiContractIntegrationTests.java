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
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import javax.sql.DataSource;
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
 * The simulated payments' one operation of its own, against the description of that mode. The
 * Stripe webhook answers 400 here (no signing secret) and is proven with Stripe in {@link
 * PaymentsApiContractIntegrationTests}, like the operations both modes share.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.payments.provider=simulated"
    })
@DirtiesContext
class SimulatedPaymentsApiContractIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void realKeycloakAndScratchDatabase(DynamicPropertyRegistry registry) throws IOException {
    registry.add("airtix.security.issuer-uri", keycloak::issuer);
    // the broker of the test Keycloak's events, never whatever answers on the standalone port
    KeycloakEventBroker broker = KeycloakEventBroker.configured();
    registry.add("spring.rabbitmq.host", broker::host);
    registry.add("spring.rabbitmq.port", broker::port);
    String dataDir = Files.createTempDirectory("airtix-payments-simulated-contract").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @Test
  void confirmsAsDescribedAndRefusesBadInputWritingNothing(TestReporter report) throws Exception {
    ApiContract contract =
        ApiContract.of(URI.create("http://localhost:" + managementPort + "/actuator/openapi"));
    PaymentsHttp http = new PaymentsHttp(port);
    ApiFuzzer fuzzer = new ApiFuzzer(contract, http, () -> DatabaseScan.rowCounts(dataSource));
    TestUser customer = keycloak.createUser(TestUsers.customer());
    String token = keycloak.login(customer).accessToken();
    OrderCreated order = OrderReplicas.created("boreal", customer.id());
    OrderReplicas.apply(context, order);
    Reply payment =
        http.send(
            "POST", "/api/payments", token, "{\"orderId\":\"%s\"}".formatted(order.orderId()));
    assertThat(payment.status()).as("%s", payment).isEqualTo(201);
    contract.checkValid(
        "POST", "/api/payments", token, "{\"orderId\":\"%s\"}".formatted(order.orderId()), payment);

    List<String> failures =
        fuzzer.fuzz(
            new ValidCall(
                "POST",
                "/api/payments/" + payment.body().path("id").asString() + "/simulated-confirmation",
                token,
                "{\"outcome\":\"FAILED\"}"));

    report.publishEntry("bad inputs sent", String.valueOf(fuzzer.badInputsSent()));
    assertThat(failures).isEmpty();
    assertThat(fuzzer.badInputsSent()).isGreaterThan(20);
    contract.assertEveryOperationCalledExcept(
        "GET /api/payments",
        "GET /api/payments/{id}",
        "GET /api/airlines/{airline}/payments",
        "POST /api/payments/stripe/webhook");
  }
}
