package io.airtix.live.connection;

import static io.airtix.live.message.LiveMessageMother.AEROLUX;
import static io.airtix.live.message.LiveMessageMother.BOREAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.live.caller.Caller;
import io.airtix.live.message.Audience;
import io.airtix.live.subscription.Subscription;
import io.airtix.live.subscription.SubscriptionMother;
import io.airtix.live.subscription.SubscriptionRequest;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriberIndexTests {

  private final SubscriberIndex index = new SubscriberIndex();

  @Test
  void offersACatalogueMessageToThoseFollowingItsTicketOrTheWholeCatalogueOnly() {
    UUID followed = UUID.randomUUID();
    Connection everything = indexed(SubscriptionMother.catalogue());
    Connection oneTicket = indexed(catalogueOf(followed));
    Connection anotherTicket = indexed(catalogueOf(UUID.randomUUID()));
    Connection customer = indexed(SubscriptionMother.orders("alice"));

    assertThat(index.candidates(new Audience.Catalogue(AEROLUX, followed, null, null)))
        .containsExactlyInAnyOrder(everything, oneTicket)
        .doesNotContain(anotherTicket, customer);
  }

  @Test
  void offersACustomersMessageToThatCustomerAndAStaffMessageToThatAirlinesChannel() {
    Connection alice = indexed(SubscriptionMother.orders("alice"));
    Connection bob = indexed(SubscriptionMother.orders("bob"));
    Connection aeroluxStaff = indexed(SubscriptionMother.airline(AEROLUX, "tickets"));
    Connection borealStaff = indexed(SubscriptionMother.airline(BOREAL, "tickets"));

    assertThat(index.candidates(new Audience.Customer("alice"))).containsExactly(alice);
    assertThat(index.candidates(new Audience.Staff(AEROLUX, "tickets")))
        .containsExactly(aeroluxStaff);
  }

  @Test
  void forgetsAConnectionEverywhereItWasAndFollowsItsNewSubscription() {
    Connection connection = indexed(SubscriptionMother.orders("alice"));

    index.put(connection, SubscriptionMother.airline(AEROLUX, "orders"));
    assertThat(index.candidates(new Audience.Customer("alice"))).isEmpty();
    assertThat(index.candidates(new Audience.Staff(AEROLUX, "orders"))).containsExactly(connection);

    index.remove(connection);
    assertThat(index.candidates(new Audience.Staff(AEROLUX, "orders"))).isEmpty();
  }

  private Connection indexed(Subscription subscription) {
    Connection connection = new Connection("test", Caller.ANONYMOUS, 8, Instant.now());
    index.put(connection, subscription);
    return connection;
  }

  private static Subscription catalogueOf(UUID ticket) {
    return new Subscription(
        new SubscriptionRequest(
            Set.of(SubscriptionRequest.CATALOGUE), Set.of(), Set.of(ticket), Set.of(), Set.of()),
        null,
        Set.of());
  }
}
