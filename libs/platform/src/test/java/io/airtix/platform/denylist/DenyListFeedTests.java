package io.airtix.platform.denylist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.events.AggregateEvent;
import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import io.airtix.events.users.RealmLoggedOut;
import io.airtix.events.users.SessionEnded;
import io.airtix.events.users.UserBanned;
import io.airtix.events.users.UserCredentialsChanged;
import io.airtix.events.users.UserDeleted;
import io.airtix.events.users.UserRolesWithdrawn;
import io.airtix.events.users.UserUpdated;
import io.airtix.platform.messaging.EventJson;
import io.airtix.platform.messaging.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.aopalliance.aop.Advice;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

class DenyListFeedTests {

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private final DenyList denyList = new InMemoryDenyList(Duration.ofMinutes(5), Clock.systemUTC());
  private final EventJson json = new EventJson(EventTypes.AIRTIX);
  private final DenyListFeed feed =
      new DenyListFeed(null, "test.deny-list.instance", json, List.of(denyList), "airtix", null);

  @Test
  void refusesTheTokensOfABannedOrDeletedUserIssuedBeforeTheEvent() {
    receive(
        new UserBanned(
            "banned", now.toEpochMilli(), "airtix", UserBanned.Reason.TEMPORARY_LOCKOUT));
    receive(new UserDeleted("deleted", now.toEpochMilli(), "airtix"));

    assertThat(denyList.denies("banned", "s1", now.minusSeconds(10))).isTrue();
    assertThat(denyList.denies("deleted", "s2", now.minusSeconds(10))).isTrue();
    assertThat(denyList.denies("banned", "s1", now.plusSeconds(10))).isFalse();
  }

  @Test
  void refusesTheTokensIssuedBeforeAPersonLostRightsAndAcceptsTheirNextOnes() {
    receive(new UserRolesWithdrawn("suspended-agent", now.toEpochMilli(), "airtix"));

    assertThat(denyList.denies("suspended-agent", "s1", now.minusSeconds(1))).isTrue();
    assertThat(denyList.denies("suspended-agent", "s1", now.plusSeconds(1))).isFalse();
    assertThat(denyList.denies("colleague", "s2", now.minusSeconds(1))).isFalse();
  }

  @Test
  void refusesTheTokensIssuedBeforeAPersonsPasswordOrSocialAccountsChanged() {
    receive(
        new UserCredentialsChanged(
            "reset", now.toEpochMilli(), "airtix", UserCredentialsChanged.Reason.PASSWORD_RESET));
    receive(
        new UserCredentialsChanged(
            "unlinked",
            now.toEpochMilli(),
            "airtix",
            UserCredentialsChanged.Reason.PROVIDER_UNLINKED));

    assertThat(denyList.denies("reset", "s1", now.minusSeconds(1))).isTrue();
    assertThat(denyList.denies("unlinked", "s2", now.minusSeconds(1))).isTrue();
    assertThat(denyList.denies("reset", "s1", now.plusSeconds(1))).isFalse();
  }

  @Test
  void entersEachEventInEveryDenyListItFeedsInOrder() {
    DenyList durable = new InMemoryDenyList(Duration.ofMinutes(5), Clock.systemUTC());
    DenyListFeed both =
        new DenyListFeed(
            null, "test.deny-list", json, List.of(durable, denyList), "airtix", retries());

    both.apply(EventEnvelope.wrap(new UserDeleted("gone", now.toEpochMilli(), "airtix"), now));

    assertThat(durable.denies("gone", null, now)).isTrue();
    assertThat(denyList.denies("gone", null, now)).isTrue();
  }

  @Test
  void handsAMessageThatIsNoEventToTheRetriesOfTheDurableFeedToDeadLetterIt() {
    DenyListFeed durableFeed =
        new DenyListFeed(null, "test.deny-list", json, List.of(denyList), "airtix", retries());

    assertThatThrownBy(
            () ->
                durableFeed.onMessage(
                    new Message(
                        "not json".getBytes(StandardCharsets.UTF_8), new MessageProperties())))
        .isInstanceOf(MalformedEventException.class);
  }

  private static Advice retries() {
    return new Advice() {};
  }

  @Test
  void refusesAnEndedSessionOrEverySessionOfAUserSignedOutEverywhere() {
    receive(
        new SessionEnded(
            "ended-session", "user-1", now.toEpochMilli(), "airtix", SessionEnded.Reason.LOGOUT));
    receive(
        new SessionEnded(
            null, "user-2", now.toEpochMilli(), "airtix", SessionEnded.Reason.REVOKED));

    assertThat(denyList.denies("user-1", "ended-session", now.plusSeconds(10))).isTrue();
    assertThat(denyList.denies("user-1", "another-session", now.minusSeconds(10))).isFalse();
    assertThat(denyList.denies("user-2", "any-session", now.minusSeconds(10))).isTrue();
  }

  @Test
  void refusesEveryTokenIssuedUpToASignOutOfEverybodyInTheServicesRealmOnly() {
    receive(new RealmLoggedOut(now.toEpochMilli(), "another-realm"));

    assertThat(denyList.denies("user-4", "s", now.minusSeconds(10))).isFalse();

    receive(new RealmLoggedOut(now.toEpochMilli(), "airtix"));

    assertThat(denyList.denies("user-4", "s", now.minusSeconds(10))).isTrue();
    assertThat(denyList.denies("user-5", null, now)).isTrue();
    assertThat(denyList.denies("user-4", "s", now.plusSeconds(1))).isFalse();
  }

  @Test
  void ignoresOtherEventsAndDropsMessagesThatAreNoEvents() {
    receive(
        new UserUpdated("user-3", now.toEpochMilli(), "airtix", "u", "u@example.org", "U", "Ser"));
    feed.onMessage(
        new Message("not json".getBytes(StandardCharsets.UTF_8), new MessageProperties()));

    assertThat(denyList.denies("user-3", "s", now.minusSeconds(10))).isFalse();
  }

  private void receive(AggregateEvent event) {
    EventEnvelope<?> envelope =
        EventEnvelope.wrap(event, Instant.ofEpochMilli(event.aggregateVersion()));
    feed.onMessage(
        new Message(
            json.write(envelope).getBytes(StandardCharsets.UTF_8), new MessageProperties()));
  }
}
