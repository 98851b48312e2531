package io.airtix.live.subscription;

import static io.airtix.live.message.LiveMessageMother.AEROLUX;
import static io.airtix.live.message.LiveMessageMother.BOREAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.live.message.Audience;
import io.airtix.live.message.LiveMessage;
import io.airtix.live.message.LiveMessageMother;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionTests {

  private static final LocalDate DAY = LocalDate.parse("2027-03-14");
  private static final List<String> NONE = List.of();

  @Test
  void matchesEveryCatalogueMessageWhenNoFilterIsNamed() {
    Subscription everything = SubscriptionMother.catalogue();

    assertThat(everything.matches(LiveMessageMother.catalogue(AEROLUX))).isTrue();
    assertThat(everything.matches(LiveMessageMother.catalogue(BOREAL))).isTrue();
    assertThat(everything.matches(catalogue(AEROLUX, UUID.randomUUID(), null, null))).isTrue();
  }

  @Test
  void matchesNoCatalogueMessageWithoutTheCatalogueChannel() {
    assertThat(SubscriptionMother.orders("alice").matches(LiveMessageMother.catalogue(AEROLUX)))
        .isFalse();
    assertThat(
            SubscriptionMother.airline(AEROLUX, "tickets")
                .matches(LiveMessageMother.catalogue(AEROLUX)))
        .isFalse();
    assertThat(Subscription.NOTHING.matches(LiveMessageMother.catalogue(AEROLUX))).isFalse();
  }

  @Test
  void matchesTheCatalogueByAirlineTicketRouteAndDay() {
    UUID ticket = UUID.randomUUID();
    LiveMessage wanted = catalogue(AEROLUX, ticket, "LUX-CDG", DAY);

    assertThat(filtered(List.of(AEROLUX), NONE, NONE, NONE).matches(wanted)).isTrue();
    assertThat(filtered(List.of(BOREAL), NONE, NONE, NONE).matches(wanted)).isFalse();
    assertThat(filtered(NONE, List.of(ticket.toString()), NONE, NONE).matches(wanted)).isTrue();
    assertThat(filtered(NONE, List.of(UUID.randomUUID().toString()), NONE, NONE).matches(wanted))
        .isFalse();
    assertThat(filtered(NONE, NONE, List.of("LUX-CDG", "LUX-OPO"), NONE).matches(wanted)).isTrue();
    assertThat(filtered(NONE, NONE, List.of("LUX-OPO"), NONE).matches(wanted)).isFalse();
    assertThat(filtered(NONE, NONE, NONE, List.of("2027-03-14")).matches(wanted)).isTrue();
    assertThat(filtered(NONE, NONE, NONE, List.of("2027-03-15")).matches(wanted)).isFalse();
    assertThat(
            filtered(List.of(AEROLUX), NONE, List.of("LUX-CDG"), List.of("2027-03-15"))
                .matches(wanted))
        .as("every filter must match")
        .isFalse();
  }

  @Test
  void matchesATicketOfUnknownRouteAndDayByAirlineAndIdAlone() {
    UUID ticket = UUID.randomUUID();
    LiveMessage unseen = catalogue(AEROLUX, ticket, null, null);

    assertThat(filtered(List.of(AEROLUX), NONE, NONE, NONE).matches(unseen)).isTrue();
    assertThat(filtered(NONE, List.of(ticket.toString()), NONE, NONE).matches(unseen)).isTrue();
    assertThat(filtered(NONE, NONE, List.of("LUX-CDG"), NONE).matches(unseen)).isFalse();
    assertThat(filtered(NONE, NONE, NONE, List.of("2027-03-14")).matches(unseen)).isFalse();
  }

  @Test
  void matchesACustomersMessagesForThatCustomerOnly() {
    LiveMessage alices = LiveMessageMother.customer("alice");

    assertThat(SubscriptionMother.orders("alice").matches(alices)).isTrue();
    assertThat(SubscriptionMother.orders("bob").matches(alices)).isFalse();
    assertThat(SubscriptionMother.catalogue().matches(alices)).isFalse();
    assertThat(SubscriptionMother.airline(AEROLUX, "orders").matches(alices)).isFalse();
    assertThat(Subscription.NOTHING.matches(alices)).isFalse();
  }

  @Test
  void matchesStaffMessagesOfTheResourcesReadableInTheirAirline() {
    Subscription agent = SubscriptionMother.airline(AEROLUX, "tickets", "orders", "payments");
    Subscription tenantAdmin =
        SubscriptionMother.airline(AEROLUX, "tickets", "orders", "payments", "staff");

    assertThat(agent.matches(LiveMessageMother.staff(AEROLUX, "tickets"))).isTrue();
    assertThat(agent.matches(LiveMessageMother.staff(AEROLUX, "orders"))).isTrue();
    assertThat(agent.matches(LiveMessageMother.staff(AEROLUX, "payments"))).isTrue();
    assertThat(agent.matches(LiveMessageMother.staff(AEROLUX, "staff"))).isFalse();
    assertThat(agent.matches(LiveMessageMother.staff(BOREAL, "tickets"))).isFalse();
    assertThat(agent.matches(LiveMessageMother.staff(BOREAL, "orders"))).isFalse();
    assertThat(agent.matches(LiveMessageMother.staff(BOREAL, "payments"))).isFalse();
    assertThat(tenantAdmin.matches(LiveMessageMother.staff(AEROLUX, "staff"))).isTrue();
    assertThat(tenantAdmin.matches(LiveMessageMother.staff(BOREAL, "staff"))).isFalse();
    assertThat(SubscriptionMother.catalogue().matches(LiveMessageMother.staff(AEROLUX, "tickets")))
        .isFalse();
    assertThat(
            SubscriptionMother.orders("alice").matches(LiveMessageMother.staff(AEROLUX, "orders")))
        .isFalse();
  }

  @Test
  void isNeverChangedByTheSetItWasGranted() {
    Set<String> reads = new java.util.HashSet<>(Set.of("aerolux:tickets"));
    Subscription ticketsOnly =
        new Subscription(SubscriptionMother.request("airline:aerolux"), null, reads);

    reads.add("aerolux:orders");

    assertThat(ticketsOnly.matches(LiveMessageMother.staff(AEROLUX, "orders"))).isFalse();
  }

  private static Subscription filtered(
      List<String> airlines, List<String> tickets, List<String> routes, List<String> dates) {
    return new Subscription(
        SubscriptionRequest.of(List.of("catalogue"), airlines, tickets, routes, dates),
        null,
        Set.of());
  }

  private static LiveMessage catalogue(String airline, UUID ticket, String route, LocalDate date) {
    return LiveMessageMother.message(
        "ticket.held", new Audience.Catalogue(airline, ticket, route, date));
  }
}
