package io.airtix.orders.reliability;

import static io.airtix.orders.reliability.DistributedSale.DELIVERY;
import static io.airtix.orders.reliability.DistributedSale.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A price edit or a withdrawal and a reservation race inside the event delay, held open by a
 * tickets service that commits its events but does not publish them yet: the orders service still
 * offers the ticket as it was. Whoever reaches the catalogue first wins. The edit first: the
 * catalogue refuses the reservation, the order ends with the reason, the ticket stays for sale at
 * its new price. The reservation first: the edit is refused and the order stands.
 */
class CatalogueRefusalRaceIntegrationTests {

  private static final KeycloakServer keycloak = KeycloakServer.shared();

  private final DistributedSale sale = new DistributedSale(keycloak);

  private String agent;
  private String customer;
  private String ticket;

  @BeforeEach
  void putATicketOnSale() throws Exception {
    agent = sale.login(TestUsers.member("aerolux", "agent"));
    customer = sale.login(TestUsers.customer());
    sale.startOrders(true);
    sale.startTickets();
    ticket = sale.createTicket(agent);
    await().atMost(DELIVERY).until(() -> sale.replica(ticket).version() == 0);
  }

  @AfterEach
  void stopTheSale() {
    sale.close();
  }

  @Test
  void aReservationAtThePriceBeforeAnEditEndsWithThePriceChangeAndTheTicketStaysForSale()
      throws Exception {
    holdTheCataloguesEvents();
    sale.repriceTicket(agent, ticket, "149.90");

    String order = sale.reserve(customer, ticket);

    await().atMost(DELIVERY).until(() -> !published(sale.tickets(), "reservation.").isEmpty());
    assertThat(sale.ticket(ticket).status()).isEqualTo("AVAILABLE");
    releaseTheCataloguesEvents();
    await().atMost(DELIVERY).until(() -> "PRICE_CHANGED".equals(sale.cancellationReason(order)));
    assertThat(sale.orderStatus(order)).isEqualTo("CANCELLED");
    await().atMost(DELIVERY).until(() -> sale.replica(ticket).version() == 1);
    assertThat(sale.ticket(ticket).status()).isEqualTo("AVAILABLE");
    assertThat(sale.deadLetters()).isZero();
  }

  @Test
  void aReservationOfATicketWithdrawnMeanwhileEndsWithTheWithdrawal() throws Exception {
    holdTheCataloguesEvents();
    sale.deleteTicket(agent, ticket);

    String order = sale.reserve(customer, ticket);

    await().atMost(DELIVERY).until(() -> !published(sale.tickets(), "reservation.").isEmpty());
    releaseTheCataloguesEvents();
    await().atMost(DELIVERY).until(() -> "TICKET_WITHDRAWN".equals(sale.cancellationReason(order)));
    await()
        .atMost(DELIVERY)
        .until(() -> sale.replica(ticket).equals(DistributedSale.TicketState.UNKNOWN));
    assertThat(sale.deadLetters()).isZero();
  }

  @Test
  void anEditAfterTheCatalogueTookTheReservationIsRefusedAndTheOrderStands() throws Exception {
    String order = sale.reserve(customer, ticket);
    await().atMost(DELIVERY).until(() -> sale.ticket(ticket).status().equals("RESERVED"));

    assertThat(sale.tryToReprice(agent, ticket, "149.90").status()).isEqualTo(423);

    assertThat(sale.orderStatus(order)).isEqualTo("CREATED");
    assertThat(published(sale.tickets(), "reservation.")).isEmpty();
  }

  // the tickets service applies the orders' events and commits its own, but publishes nothing
  private void holdTheCataloguesEvents() {
    sale.stopTickets();
    sale.startTickets(false);
  }

  private void releaseTheCataloguesEvents() {
    sale.stopTickets();
    sale.startTickets(true);
  }
}
