package io.airtix.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoPlanTests {

  @Test
  void createsEveryAccountAndBothAirlinesOnFirstStart() {
    var accounts = DemoPlan.accountsToCreate(DemoCatalog.ACCOUNTS, Set.of());

    assertThat(accounts).hasSize(5);
    assertThat(DemoPlan.airlinesToEnsure(accounts)).containsExactly("aerolux", "boreal");
  }

  @Test
  void createsNothingOnceEveryAccountExists() {
    Set<String> existing = Set.of("aerolux-admin", "aerolux-agent", "boreal-admin", "boreal-agent", "traveller");

    var accounts = DemoPlan.accountsToCreate(DemoCatalog.ACCOUNTS, existing);

    assertThat(accounts).isEmpty();
    assertThat(DemoPlan.airlinesToEnsure(accounts)).isEmpty();
  }

  @Test
  void completesHalfCreatedDemoData() {
    var accounts = DemoPlan.accountsToCreate(DemoCatalog.ACCOUNTS,
        Set.of("aerolux-admin", "aerolux-agent", "traveller"));

    assertThat(accounts).extracting(DemoAccount::username).containsExactly("boreal-admin", "boreal-agent");
    assertThat(DemoPlan.airlinesToEnsure(accounts)).containsExactly("boreal");
  }

  @Test
  void createsOnlyTheAirlinesMissingTickets() {
    assertThat(DemoPlan.ticketsToCreate(DemoCatalog.TICKETS, "aerolux", Set.of()))
        .extracting(DemoTicket::flightNumber).containsExactly("AX101", "AX205", "AX317");
    assertThat(DemoPlan.ticketsToCreate(DemoCatalog.TICKETS, "aerolux", Set.of("AX101", "AX205", "AX317", "BR410")))
        .isEmpty();
    assertThat(DemoPlan.ticketsToCreate(DemoCatalog.TICKETS, "boreal", Set.of("BR410")))
        .extracting(DemoTicket::flightNumber).containsExactly("BR512", "BR630");
  }

  @Test
  void ticketsKeepTheirFlightNumbersWhenOtherAirlinesTicketsExist() {
    assertThat(DemoPlan.ticketsToCreate(DemoCatalog.TICKETS, "boreal", Set.of("AX101", "XX999")))
        .hasSize(3);
  }
}
