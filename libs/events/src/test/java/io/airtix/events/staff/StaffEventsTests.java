package io.airtix.events.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import io.airtix.events.broker.BrokerAccount;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffEventsTests {

  @Test
  void registersStaffChangedInTheStaffStreamPublishedByKeycloakAlone() {
    assertThat(EventTypes.AIRTIX.payloadOf("staff.changed")).isEqualTo(StaffChanged.class);
    assertThat(EventTypes.AIRTIX.types())
        .filteredOn(type -> EventTypes.streamOf(type).equals("staff"))
        .containsExactly("staff.changed");
    assertThat(BrokerAccount.values())
        .filteredOn(account -> account.publishes().contains(StaffChanged.TYPE))
        .containsExactly(BrokerAccount.KEYCLOAK);
  }

  @Test
  void envelopesTheMembershipOfOneAirlineWithTheAirlineAsTenant() {
    StaffChanged changed =
        new StaffChanged(
            "5ef9",
            1_700_000_000_123L,
            "aerolux",
            "ada",
            Set.of("tenant-admin", "agent"),
            "airtix");

    EventEnvelope<StaffChanged> envelope =
        EventEnvelope.wrap(changed, Instant.ofEpochMilli(changed.version()));

    assertThat(envelope.type()).isEqualTo("staff.changed");
    assertThat(envelope.aggregateId()).isEqualTo("aerolux/5ef9");
    assertThat(envelope.aggregateVersion()).isEqualTo(1_700_000_000_123L);
    assertThat(envelope.tenant()).isEqualTo("aerolux");
    assertThat(changed.roles()).containsExactly("agent", "tenant-admin");
    assertThat(
            new StaffChanged("5ef9", 1, "boreal", "ada", Set.of("agent"), "airtix").aggregateId())
        .isNotEqualTo(envelope.aggregateId());
  }

  @Test
  void saysNoRolesWhenThePersonHoldsNoneThereAnyMore() {
    assertThat(new StaffChanged("5ef9", 1, "aerolux", "ada", Set.of(), "airtix").roles()).isEmpty();
    assertThat(new StaffChanged("5ef9", 1, "aerolux", null, null, "airtix").roles()).isEmpty();
    assertThatNullPointerException()
        .isThrownBy(() -> new StaffChanged("5ef9", 1, null, "ada", Set.of(), "airtix"));
  }
}
