package io.airtix.orders.reliability;

import static io.airtix.orders.reliability.DistributedSale.DELIVERY;
import static io.airtix.orders.reliability.DistributedSale.applied;
import static io.airtix.orders.reliability.DistributedSale.jdbc;
import static io.airtix.orders.reliability.DistributedSale.pending;
import static io.airtix.orders.reliability.DistributedSale.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.orders.reliability.DistributedSale.TicketState;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two crash windows of the outbox, on the machine's RabbitMQ with the services in the
 * distributed mode: killed between commit and publish (the next start publishes what was
 * committed), and killed between the broker's confirm and marking the row sent (the event goes out
 * twice; the consumer applies it once).
 */
class CrashBetweenCommitAndPublishIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  private DistributedSale sale;
  private String agent;
  private String customer;

  @BeforeEach
  void users() {
    sale = new DistributedSale(keycloak);
    agent = sale.login(TestUsers.member("aerolux", "agent"));
    customer = sale.login(TestUsers.customer());
  }

  @AfterEach
  void stopTheSale() {
    sale.close();
  }

  @Test
  void theNextStartPublishesReservationsCommittedByAnInstanceThatNeverPublished() throws Exception {
    // an instance whose relay never runs: as if killed right after each commit
    sale.startOrders(false);
    sale.startTickets();
    List<String> tickets = List.of(sale.createTicket(agent), sale.createTicket(agent));
    await()
        .atMost(DELIVERY)
        .until(() -> tickets.stream().allMatch(id -> sale.replica(id).version() == 0));
    sale.reserve(customer, tickets.get(0));
    sale.reserve(customer, tickets.get(1));
    assertThat(pending(sale.orders())).isEqualTo(2);
    sale.stopOrders();
    assertThat(sale.ticket(tickets.get(0)).status()).isEqualTo("AVAILABLE");

    sale.startOrders(true);

    await()
        .atMost(DELIVERY)
        .until(() -> tickets.stream().allMatch(id -> sale.ticket(id).status().equals("RESERVED")));
    for (String id : tickets) {
      assertThat(sale.ticket(id)).isEqualTo(new TicketState("RESERVED", 1));
      // the tickets service reports no hold back: the replica stays at the ticket's own last change
      assertThat(sale.replica(id)).isEqualTo(new TicketState("AVAILABLE", 0));
    }
    assertThat(pending(sale.orders())).isZero();
    assertThat(applied(sale.tickets(), "order."))
        .isEqualTo(published(sale.orders(), "order."))
        .hasSize(2);
    assertThat(sale.deadLetters()).isZero();
  }

  @Test
  void anEventDeliveredAgainAfterItWasAppliedChangesNothing() throws Exception {
    sale.startOrders(true);
    sale.startTickets();
    String ticket = sale.createTicket(agent);
    await().atMost(DELIVERY).until(() -> sale.replica(ticket).version() == 0);
    String order = sale.reserve(customer, ticket);
    await().atMost(DELIVERY).until(() -> sale.ticket(ticket).status().equals("RESERVED"));
    sale.cancel(customer, order);
    await()
        .atMost(DELIVERY)
        .until(() -> sale.ticket(ticket).equals(new TicketState("AVAILABLE", 2)));

    // the broker confirmed these two, the instance died before marking them sent: the next relay
    // sends them again
    String orderCreated = sendAgain(sale.orders(), "order.created", order);
    String ticketCreated = sendAgain(sale.tickets(), "ticket.created", ticket);
    // sent after the repeated ones, consumed after them (one consumer per queue, in order): the
    // later ticket's replica is the fence behind the repeated ticket.created, its hold the fence
    // behind the repeated order.created
    String later = sale.createTicket(agent);
    await().atMost(DELIVERY).until(() -> sale.replica(later).version() == 0);
    sale.reserve(customer, later);
    await().atMost(DELIVERY).until(() -> sale.ticket(later).status().equals("RESERVED"));

    assertThat(attempts(sale.orders(), orderCreated))
        .as("order.created was sent twice")
        .isEqualTo(2);
    assertThat(attempts(sale.tickets(), ticketCreated))
        .as("ticket.created was sent twice")
        .isEqualTo(2);
    // neither the reservation nor the creation of the ticket happened again
    assertThat(sale.ticket(ticket)).isEqualTo(new TicketState("AVAILABLE", 2));
    assertThat(sale.replica(ticket)).isEqualTo(new TicketState("AVAILABLE", 0));
    assertThat(applied(sale.tickets(), "order."))
        .containsOnlyOnce(orderCreated)
        .isEqualTo(published(sale.orders(), "order."));
    assertThat(applied(sale.orders(), "ticket."))
        .containsOnlyOnce(ticketCreated)
        .isEqualTo(published(sale.tickets(), "ticket."));
    assertThat(sale.deadLetters()).isZero();
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> sale.ticket(ticket).equals(new TicketState("AVAILABLE", 2)));
  }

  /**
   * Puts a sent event back to pending, as a crash between the broker's confirm and the row's update
   * leaves it.
   */
  private static String sendAgain(
      ConfigurableApplicationContext service, String type, String aggregateId) {
    String eventId =
        jdbc(service)
            .sql("SELECT event_id FROM airtix_outbox WHERE event_type = ? AND aggregate_id = ?")
            .param(type)
            .param(aggregateId)
            .query(String.class)
            .single();
    int changed =
        jdbc(service)
            .sql(
                "UPDATE airtix_outbox SET status = 'PENDING', next_attempt_at = 0, done_at = NULL"
                    + " WHERE event_id = ? AND status = 'SENT' AND attempts = 1")
            .param(eventId)
            .update();
    assertThat(changed).as("%s %s was sent once", type, eventId).isEqualTo(1);
    return eventId;
  }

  private static long attempts(ConfigurableApplicationContext service, String eventId) {
    return jdbc(service)
        .sql("SELECT attempts FROM airtix_outbox WHERE event_id = ?")
        .param(eventId)
        .query(Long.class)
        .single();
  }
}
