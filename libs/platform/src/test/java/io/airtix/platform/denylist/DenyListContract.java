package io.airtix.platform.denylist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What every deny-list does, in memory or in Redis. */
abstract class DenyListContract {

  /** A deny-list whose entries live {@code retention}. */
  abstract DenyList denyList(Duration retention);

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final String user = UUID.randomUUID().toString();
  private final String session = UUID.randomUUID().toString();

  @Test
  void refusesTheUsersTokensIssuedUpToTheBanAndAcceptsLaterOnes() {
    DenyList denyList = denyList(Duration.ofMinutes(5));

    denyList.denyUser(user, now);

    assertThat(denyList.denies(user, "any-session", now.minusSeconds(60))).isTrue();
    assertThat(denyList.denies(user, "any-session", now)).isTrue();
    assertThat(denyList.denies(user, "any-session", null)).isTrue();
    assertThat(denyList.denies(user, "any-session", now.plusSeconds(1))).isFalse();
    assertThat(denyList.denies("someone-else", "any-session", now.minusSeconds(60))).isFalse();
  }

  @Test
  void refusesEveryTokenOfAnEndedSessionOnly() {
    DenyList denyList = denyList(Duration.ofMinutes(5));

    denyList.denySession(session, now);

    assertThat(denyList.denies(user, session, now.plusSeconds(60))).isTrue();
    assertThat(denyList.denies(user, "another-session", now.minusSeconds(60))).isFalse();
    assertThat(denyList.denies(user, null, now.minusSeconds(60))).isFalse();
  }

  @Test
  void refusesEveryonesTokensIssuedUpToASignOutOfEverybody() {
    DenyList denyList = denyList(Duration.ofMinutes(5));

    denyList.denyEveryone(now);
    denyList.denyEveryone(now.minusSeconds(30));

    assertThat(denyList.denies(user, session, now.minusSeconds(10))).isTrue();
    assertThat(denyList.denies("someone-else", null, now)).isTrue();
    assertThat(denyList.denies(user, null, null)).isTrue();
    assertThat(denyList.denies(user, session, now.plusSeconds(1))).isFalse();
  }

  @Test
  void keepsTheLatestCutoffWhenAnOlderBanArrivesLate() {
    DenyList denyList = denyList(Duration.ofMinutes(5));

    denyList.denyUser(user, now);
    denyList.denyUser(user, now.minusSeconds(30));

    assertThat(denyList.denies(user, null, now.minusSeconds(10))).isTrue();
  }

  @Test
  void forgetsAnEntryOnceNoTokenItCouldRefuseIsValid() {
    DenyList denyList = denyList(Duration.ofSeconds(1));
    Instant banned = Instant.now();

    denyList.denyUser(user, banned);
    denyList.denySession(session, banned);

    assertThat(denyList.denies(user, session, banned.minusSeconds(1))).isTrue();
    Awaitility.await("entries expired")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !denyList.denies(user, session, banned.minusSeconds(1)));
  }

  @Test
  void ignoresAnEventOlderThanAnyTokenStillValid() {
    DenyList denyList = denyList(Duration.ofMinutes(5));

    denyList.denyUser(user, Instant.now().minus(Duration.ofMinutes(6)));

    assertThat(denyList.denies(user, null, Instant.now().minus(Duration.ofMinutes(7)))).isFalse();
  }
}
