package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.tickets.TicketCreated;
import io.airtix.orders.ticketreplica.Replicas;
import io.airtix.testing.database.DatabaseScan;
import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.openapi.ApiContract;
import io.airtix.testing.openapi.ApiFuzzer;
import io.airtix.testing.openapi.ValidCall;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
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
 * The orders API against its own OpenAPI description: every operation called, each answer as
 * described; then bad input derived from the description refused as it should be, with nothing
 * written. The rate limits are lifted so that they cannot answer in place of the input checks.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.orders.rate-limits.per-user.capacity=100000",
      "airtix.orders.rate-limits.per-airline.capacity=100000"
    })
@DirtiesContext
class OrdersApiContractIntegrationTests {

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
    String dataDir = Files.createTempDirectory("airtix-orders-contract").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @Test
  void everyOperationAnswersAsDescribedAndRefusesBadInputWritingNothing(TestReporter report)
      throws Exception {
    ApiContract contract =
        ApiContract.of(URI.create("http://localhost:" + managementPort + "/actuator/openapi"));
    ServiceHttp http = new ServiceHttp(port);
    ApiFuzzer fuzzer = new ApiFuzzer(contract, http, () -> DatabaseScan.rowCounts(dataSource));
    String customer = token(TestUsers.customer());
    String auditor = token(TestUsers.member("aerolux", "auditor"));
    List<String> failures = new ArrayList<>();

    failures.addAll(fuzzer.fuzz(new ValidCall("POST", "/api/orders", customer, reserve())));
    String held = reserved(http, customer);
    String cancelled = reserved(http, customer);
    failures.addAll(fuzzer.fuzz(ValidCall.get("/api/orders?page=0&size=5", customer)));
    failures.addAll(fuzzer.fuzz(ValidCall.get("/api/orders/" + held, customer)));
    failures.addAll(
        fuzzer.fuzz(ValidCall.get("/api/airlines/aerolux/orders?page=0&size=5", auditor)));
    failures.addAll(
        fuzzer.fuzz(new ValidCall("POST", "/api/orders/" + cancelled + "/cancel", customer, null)));
    failures.addAll(fuzzer.fuzz(new ValidCall("DELETE", "/api/orders/" + held, customer, null)));

    report.publishEntry("bad inputs sent", String.valueOf(fuzzer.badInputsSent()));
    assertThat(failures).isEmpty();
    assertThat(fuzzer.badInputsSent()).isGreaterThan(80);
    contract.assertEveryOperationCalled();
    assertThat(contract.document()).doesNotContain("\"caller\"");
  }

  private String reserve() {
    TicketCreated ticket = Replicas.availableTicket("aerolux");
    Replicas.apply(context, ticket);
    return """
        {"ticketId":"%s","price":%s,"currency":"%s"}"""
        .formatted(ticket.ticketId(), ticket.price(), ticket.currency());
  }

  private String reserved(ServiceHttp http, String customer) throws Exception {
    Reply reply = http.send("POST", "/api/orders", customer, reserve());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.body().path("id").asString();
  }

  private static String token(io.airtix.keycloakclient.NewUser user) {
    return keycloak.login(keycloak.createUser(user)).accessToken();
  }
}
