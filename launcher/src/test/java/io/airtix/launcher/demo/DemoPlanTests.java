package io.airtix.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoPlanTests {

  @Test
  void createsEveryAccountOnFirstStart() {
    var accounts = DemoPlan.accountsToCreate(DemoCatalog.ACCOUNTS, Set.of());

    assertThat(accounts)
        .extracting(DemoAccount::username)
        .containsExactly(
            "platform-admin",
            "aerolux-admin",
            "aerolux-agent",
            "boreal-admin",
            "boreal-agent",
            "traveller");
  }

  @Test
  void createsNothingOnceEveryAccountExists() {
    Set<String> existing =
        Set.of(
            "platform-admin",
            "aerolux-admin",
            "aerolux-agent",
            "boreal-admin",
            "boreal-agent",
            "traveller");

    assertThat(DemoPlan.accountsToCreate(DemoCatalog.ACCOUNTS, existing)).isEmpty();
  }

  @Test
  void completesHalfCreatedDemoData() {
    var accounts =
        DemoPlan.accountsToCreate(
            DemoCatalog.ACCOUNTS,
            Set.of("platform-admin", "aerolux-admin", "aerolux-agent", "traveller"));

    assertThat(accounts)
        .extracting(DemoAccount::username)
        .containsExactly("boreal-admin", "boreal-agent");
  }

  @Test
  void tenantAdminTakesOnTheAirlinesOtherStaffButNotThemselves() {
    assertThat(DemoPlan.staffToAdd(DemoCatalog.ACCOUNTS, DemoCatalog.tenantAdminOf("aerolux")))
        .extracting(DemoAccount::username)
        .containsExactly("aerolux-agent");
    assertThat(DemoPlan.staffToAdd(DemoCatalog.ACCOUNTS, DemoCatalog.tenantAdminOf("boreal")))
        .extracting(DemoAccount::username)
        .containsExactly("boreal-agent");
  }

  @Test
  void createsOnlyTheAirlinesMissingTickets() {
    assertThat(DemoPlan.ticketsToCreate(DemoCatalog.TICKETS, "aerolux", Set.of()))
        .extracting(DemoTicket::flightNumber)
        .containsExactly("AX101", "AX205", "AX317");
    assertThat(
            DemoPlan.ticketsToCreate(
                DemoCatalog.TICKETS, "aerolux", Set.of("AX101", "AX205", "AX317", "BR410")))
        .isEmpty();
    assertThat(DemoPlan.ticketsToCreate(DemoCatalog.TICKETS, "boreal", Set.of("BR410")))
        .extracting(DemoTicket::flightNumber)
        .containsExactly("BR512", "BR630");
  }

  @Test
  void ticketsKeepTheirFlightNumbersWhenOtherAirlinesTicketsExist() {
    assertThat(DemoPlan.ticketsToCreate(DemoCatalog.TICKETS, "boreal", Set.of("AX101", "XX999")))
        .hasSize(3);
  }
}
