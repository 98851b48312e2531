package io.airtix.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoCatalogTests {

  private static final Instant TODAY = Instant.parse("2026-11-24T15:42:00Z");

  @Test
  void everyAirlineHasTenantAdminAndAgent() {
    for (String airline : DemoCatalog.AIRLINES.keySet()) {
      assertThat(DemoCatalog.ACCOUNTS)
          .filteredOn(account -> airline.equals(account.airline()))
          .extracting(DemoAccount::tenantRole)
          .containsExactlyInAnyOrder("tenant-admin", "agent");
    }
  }

  @Test
  void accountsComeWithoutAirlinesWhichTakeOnTheirStaffThroughTheTenantsService() {
    assertThat(DemoCatalog.ACCOUNTS)
        .allSatisfy(account -> assertThat(account.toNewUser().airlineRoles()).isEmpty());
    var agent = DemoCatalog.agentOf("aerolux");

    assertThat(agent.username()).isEqualTo("aerolux-agent");
    assertThat(agent.airline()).isEqualTo("aerolux");
    assertThat(agent.tenantRole()).isEqualTo("agent");
    assertThat(agent.toNewUser().password()).isEqualTo(DemoAccount.PASSWORD);
  }

  @Test
  void platformAdminHoldsPlatformAdminRealmRoleAndWorksForNoAirline() {
    var platformAdmin = DemoCatalog.platformAdmin();

    assertThat(platformAdmin.username()).isEqualTo("platform-admin");
    assertThat(platformAdmin.airline()).isNull();
    assertThat(platformAdmin.toNewUser().realmRoles()).containsExactly("platform-admin");
    assertThat(DemoCatalog.ACCOUNTS)
        .filteredOn(account -> !account.equals(platformAdmin))
        .allSatisfy(account -> assertThat(account.realmRoles()).isEmpty());
  }

  @Test
  void firstTenantAdminOfEachAirlineWorksForIt() {
    assertThat(DemoCatalog.tenantAdminOf("boreal").username()).isEqualTo("boreal-admin");
    assertThat(DemoCatalog.tenantAdminOf("boreal").email())
        .isEqualTo("boreal-admin@boreal.airtix.test");
  }

  @Test
  void travellerIsPlainCustomer() {
    var traveller =
        DemoCatalog.ACCOUNTS.stream()
            .filter(account -> account.username().equals("traveller"))
            .findFirst()
            .orElseThrow()
            .toNewUser();

    assertThat(traveller.realmRoles()).isEmpty();
    assertThat(traveller.airlineRoles()).isEmpty();
  }

  @Test
  void ticketRequestsDepartInTheFutureAsIsoInstants() {
    var request = DemoCatalog.TICKETS.get(0).toRequest(TODAY);

    assertThat(request.departureTime()).isEqualTo("2026-12-08T07:00:00Z");
    assertThat(request.airline()).isEqualTo("aerolux");
    assertThat(request.price()).hasToString("129.00");
    assertThat(DemoCatalog.TICKETS)
        .allSatisfy(
            ticket ->
                assertThat(Instant.parse(ticket.toRequest(TODAY).departureTime())).isAfter(TODAY));
  }
}
