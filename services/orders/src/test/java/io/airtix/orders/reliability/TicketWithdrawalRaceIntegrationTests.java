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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An airline withdraws a ticket that an order holds before the tickets service heard of the order
 * (its events are still in the orders service's outbox): the order does not keep holding a ticket
 * that is gone.
 */
class TicketWithdrawalRaceIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  private final DistributedSale sale = new DistributedSale(keycloak);

  @AfterEach
  void stopTheSale() {
    sale.close();
  }

  @Test
  void anOrderHoldingATicketWithdrawnMeanwhileIsCancelled() throws Exception {
    String agent = sale.login(TestUsers.member("aerolux", "agent"));
    String customer = sale.login(TestUsers.customer());
    // the orders service publishes nothing for now: the tickets service cannot know of the order
    sale.startOrders(false);
    sale.startTickets();
    String ticket = sale.createTicket(agent);
    await().atMost(DELIVERY).until(() -> sale.replica(ticket).version() == 0);
    String order = sale.reserve(customer, ticket);

    sale.deleteTicket(agent, ticket);

    await().atMost(DELIVERY).until(() -> sale.orderStatus(order).equals("CANCELLED"));
    assertThat(sale.replica(ticket)).isEqualTo(TicketState.UNKNOWN);
    // once the orders service publishes again, the tickets service takes both events without a
    // failure
    sale.stopOrders();
    sale.startOrders(true);
    await()
        .atMost(DELIVERY)
        .until(
            () ->
                pending(sale.orders()) == 0
                    && applied(sale.tickets(), "order.")
                        .equals(published(sale.orders(), "order.")));
    assertThat(published(sale.orders(), "order.")).hasSize(2);
    assertThat(sale.ticket(ticket)).isEqualTo(TicketState.UNKNOWN);
    assertThat(sale.deadLetters()).isZero();
  }
}
