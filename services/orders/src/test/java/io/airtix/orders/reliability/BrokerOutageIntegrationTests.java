package io.airtix.orders.reliability;

import static io.airtix.orders.reliability.DistributedSale.DELIVERY;
import static io.airtix.orders.reliability.DistributedSale.applied;
import static io.airtix.orders.reliability.DistributedSale.pending;
import static io.airtix.orders.reliability.DistributedSale.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.orders.reliability.DistributedSale.TicketState;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's RabbitMQ stops in the middle of a sale and comes back: everything the tickets and
 * orders services committed meanwhile reaches the other service, and nothing is applied twice.
 * Stops the machine's broker for a few seconds: other RabbitMQ tests running at the same time fail.
 */
class BrokerOutageIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(BrokerOutageIntegrationTests.class);

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  private DistributedSale sale;

  @BeforeEach
  void startTheSale() {
    sale = new DistributedSale(keycloak);
    sale.startOrders(true);
    sale.startTickets();
  }

  @AfterEach
  void stopTheSale() {
    // whatever happened in the test, the machine's broker runs again
    RabbitMqBroker.startApp();
    sale.close();
  }

  @Test
  void deliversEveryReservationAndTicketMadeWhileTheBrokerWasDownAndAppliesEachOnce()
      throws Exception {
    String agent = sale.login(TestUsers.member("aerolux", "agent"));
    String customer = sale.login(TestUsers.customer());
    String otherCustomer = sale.login(TestUsers.customer());
    List<String> onSale =
        List.of(sale.createTicket(agent), sale.createTicket(agent), sale.createTicket(agent));
    await()
        .atMost(DELIVERY)
        .until(() -> onSale.stream().allMatch(id -> sale.replica(id).version() == 0));

    List<String> createdDuringOutage = new ArrayList<>();
    RabbitMqBroker.stopApp();
    try {
      sale.reserve(customer, onSale.get(0));
      sale.reserve(otherCustomer, onSale.get(1));
      sale.cancel(customer, sale.reserve(customer, onSale.get(2)));
      createdDuringOutage.add(sale.createTicket(agent));
      createdDuringOutage.add(sale.createTicket(agent));
      // both services took the writes; none of them reached the other side
      assertThat(pending(sale.orders())).isEqualTo(4);
      assertThat(pending(sale.tickets())).isEqualTo(2);
      assertThat(sale.ticket(onSale.get(0)).status()).isEqualTo("AVAILABLE");
    } finally {
      RabbitMqBroker.startApp();
    }
    long back = System.nanoTime();

    await()
        .atMost(DELIVERY)
        .until(
            () ->
                pending(sale.orders()) == 0
                    && pending(sale.tickets()) == 0
                    && published(sale.orders(), "order.").equals(applied(sale.tickets(), "order."))
                    && published(sale.tickets(), "ticket.")
                        .equals(applied(sale.orders(), "ticket.")));
    log.info(
        "Everything written during the outage was delivered and applied {} ms after the broker was back",
        (System.nanoTime() - back) / 1_000_000);

    assertThat(sale.ticket(onSale.get(0))).isEqualTo(new TicketState("RESERVED", 1));
    assertThat(sale.ticket(onSale.get(1))).isEqualTo(new TicketState("RESERVED", 1));
    assertThat(sale.ticket(onSale.get(2)).status()).isEqualTo("AVAILABLE");
    for (String id : createdDuringOutage) {
      assertThat(sale.ticket(id)).isEqualTo(new TicketState("AVAILABLE", 0));
    }
    List<String> all = new ArrayList<>(onSale);
    all.addAll(createdDuringOutage);
    for (String id : all) {
      // one event per version the ticket published (the holds it heard of publish none), the
      // replica at the last
      long published = sale.ticketEventVersion(id);
      assertThat(sale.replica(id))
          .as("replica of %s", id)
          .isEqualTo(new TicketState("AVAILABLE", published));
      assertThat(eventsOf(id)).as("events of %s", id).isEqualTo(published + 1);
    }
    assertThat(published(sale.orders(), "order.")).hasSize(4);
    assertThat(sale.deadLetters()).isZero();
    // and nothing arrives late a second time
    int ticketEvents = applied(sale.orders(), "ticket.").size();
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                applied(sale.tickets(), "order.").size() == 4
                    && applied(sale.orders(), "ticket.").size() == ticketEvents);
  }

  private long eventsOf(String ticketId) {
    return DistributedSale.jdbc(sale.tickets())
        .sql("SELECT count(*) FROM airtix_outbox WHERE aggregate_id = ?")
        .param(ticketId)
        .query(Long.class)
        .single();
  }
}
