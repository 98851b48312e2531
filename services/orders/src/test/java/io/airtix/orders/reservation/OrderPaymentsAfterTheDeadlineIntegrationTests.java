package io.airtix.orders.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.orders.ticketreplica.Replicas;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Holds of a millisecond: every order is past its deadline by the time its payment is heard of. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "airtix.messaging.outbox.relay=false",
      "airtix.messaging.inbox.enabled=false",
      "airtix.orders.hold=1ms"
    })
@DirtiesContext
class OrderPaymentsAfterTheDeadlineIntegrationTests {

  @Autowired Reservations reservations;

  @Autowired OrderPayments payments;

  @Autowired ApplicationContext context;

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void scratchDataDir(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("airtix-order-payments-late").toString();
    registry.add("airtix.data-dir", () -> dataDir);
  }

  @Test
  void expiresAnOrderAtOnceWhenItsPaymentFailsAfterTheDeadline() {
    var ticket = Replicas.availableTicket("aerolux");
    Replicas.apply(context, ticket);
    OrderResponse order =
        reservations.reserve(Customers.newCustomer(), OrderMother.reserve(ticket));
    UUID payment = UUID.randomUUID();
    payments.started(order.id(), payment);

    payments.failed(order.id(), payment);

    assertThat(eventsOf(order))
        .containsExactly(
            "order.created:0",
            "order.awaiting-payment:1",
            "order.payment-failed:2",
            "order.cancelled:3");
    assertThat(
            jdbc.sql("SELECT status || ':' || cancellation_reason FROM orders WHERE id = ?")
                .param(order.id().toString())
                .query(String.class)
                .single())
        .isEqualTo("CANCELLED:EXPIRED");
  }

  private List<String> eventsOf(OrderResponse order) {
    return jdbc.sql(
            "SELECT event_type, aggregate_version FROM airtix_outbox WHERE aggregate_id = ? ORDER BY position")
        .param(order.id().toString())
        .query((row, n) -> row.getString(1) + ":" + row.getLong(2))
        .list();
  }
}
