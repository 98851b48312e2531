package io.airtix.events.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserEventsTests {

  @Test
  void registersEveryUserLifecycleTypeInTheUserAndSessionStreams() {
    assertThat(EventTypes.AIRTIX.payloadOf("user.created")).isEqualTo(UserCreated.class);
    assertThat(EventTypes.AIRTIX.payloadOf("user.updated")).isEqualTo(UserUpdated.class);
    assertThat(EventTypes.AIRTIX.payloadOf("user.deleted")).isEqualTo(UserDeleted.class);
    assertThat(EventTypes.AIRTIX.payloadOf("user.banned")).isEqualTo(UserBanned.class);
    assertThat(EventTypes.AIRTIX.payloadOf("session.ended")).isEqualTo(SessionEnded.class);
    assertThat(EventTypes.AIRTIX.payloadOf("realm.logged-out")).isEqualTo(RealmLoggedOut.class);
    assertThat(EventTypes.AIRTIX.payloadOf("user.roles-withdrawn"))
        .isEqualTo(UserRolesWithdrawn.class);
    assertThat(EventTypes.AIRTIX.types())
        .filteredOn(type -> EventTypes.streamOf(type).equals("user"))
        .containsExactly(
            "user.created",
            "user.updated",
            "user.deleted",
            "user.banned",
            "user.roles-withdrawn",
            "user.credentials-changed");
  }

  @Test
  void envelopesAUserEventWithTheUserAsAggregateAndTheRealmAsTenant() {
    UserBanned banned =
        new UserBanned("5ef9", 1_700_000_000_123L, "airtix", UserBanned.Reason.DISABLED);

    EventEnvelope<UserBanned> envelope =
        EventEnvelope.wrap(banned, Instant.ofEpochMilli(banned.version()));

    assertThat(envelope.type()).isEqualTo("user.banned");
    assertThat(envelope.aggregateId()).isEqualTo("5ef9");
    assertThat(envelope.aggregateVersion()).isEqualTo(1_700_000_000_123L);
    assertThat(envelope.tenant()).isEqualTo("airtix");
  }

  @Test
  void namesTheSessionAsAggregateAndTheUserWhenAllSessionsEnded() {
    assertThat(
            new SessionEnded("sid-1", "5ef9", 1, "airtix", SessionEnded.Reason.LOGOUT)
                .aggregateId())
        .isEqualTo("sid-1");
    assertThat(
            new SessionEnded(null, "5ef9", 1, "airtix", SessionEnded.Reason.REVOKED).aggregateId())
        .isEqualTo("5ef9");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SessionEnded(null, null, 1, "airtix", SessionEnded.Reason.REVOKED));
  }

  @Test
  void namesTheRealmAsAggregateAndTenantWhenEverybodyWasSignedOut() {
    EventEnvelope<RealmLoggedOut> envelope =
        EventEnvelope.wrap(
            new RealmLoggedOut(1_700_000_000_123L, "airtix"),
            Instant.ofEpochMilli(1_700_000_000_123L));

    assertThat(envelope.type()).isEqualTo("realm.logged-out");
    assertThat(envelope.aggregateId()).isEqualTo("airtix");
    assertThat(envelope.tenant()).isEqualTo("airtix");
  }
}
