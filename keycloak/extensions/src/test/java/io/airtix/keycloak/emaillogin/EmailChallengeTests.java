package io.airtix.keycloak.emaillogin;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.keycloak.emaillogin.EmailChallenge.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmailChallengeTests {

  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @Test
  void issuesASixDigitCodeAndALongKeyAndKeepsOnlyTheirHashes() {
    EmailChallenge.Issued issued = EmailChallenge.issue("ada@example.org", NOW, TEN_MINUTES);

    assertThat(issued.code()).matches("\\d{6}");
    assertThat(issued.key()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(issued.challenge().notes().values())
        .doesNotContain(issued.code(), issued.key())
        .allSatisfy(value -> assertThat(value).doesNotContain(issued.key()));
    assertThat(issued.challenge().expiresAt()).isEqualTo(NOW.plus(TEN_MINUTES).getEpochSecond());
  }

  @Test
  void acceptsTheRightCodeAsTypedWithSpaces() {
    EmailChallenge.Issued issued = EmailChallenge.issue("ada@example.org", NOW, TEN_MINUTES);
    String spaced = issued.code().substring(0, 3) + " " + issued.code().substring(3);

    assertThat(issued.challenge().checkCode(spaced, NOW, 5)).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void refusesAWrongCode() {
    EmailChallenge.Issued issued = EmailChallenge.issue("ada@example.org", NOW, TEN_MINUTES);

    assertThat(issued.challenge().checkCode(otherThan(issued.code()), NOW, 5))
        .isEqualTo(Outcome.WRONG);
    assertThat(issued.challenge().checkCode(null, NOW, 5)).isEqualTo(Outcome.WRONG);
  }

  @Test
  void refusesEvenTheRightCodeOnceTheWrongOnesAreUsedUp() {
    EmailChallenge.Issued issued = EmailChallenge.issue("ada@example.org", NOW, TEN_MINUTES);
    EmailChallenge challenge = issued.challenge();
    for (int i = 0; i < 3; i++) {
      assertThat(challenge.checkCode(otherThan(issued.code()), NOW, 3)).isEqualTo(Outcome.WRONG);
      challenge = challenge.afterWrongCode();
    }

    assertThat(challenge.isVoid(3)).isTrue();
    assertThat(challenge.checkCode(issued.code(), NOW, 3)).isEqualTo(Outcome.VOID);
    // the link is not guessable and only the mail's reader has it: wrong codes leave it working
    assertThat(challenge.checkKey(issued.key(), NOW)).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void refusesCodeAndKeyFromTheMomentTheyExpire() {
    EmailChallenge.Issued issued = EmailChallenge.issue("ada@example.org", NOW, TEN_MINUTES);
    Instant justBefore = NOW.plus(TEN_MINUTES).minusSeconds(1);
    Instant expiry = NOW.plus(TEN_MINUTES);

    assertThat(issued.challenge().checkCode(issued.code(), justBefore, 5))
        .isEqualTo(Outcome.ACCEPTED);
    assertThat(issued.challenge().checkCode(issued.code(), expiry, 5)).isEqualTo(Outcome.EXPIRED);
    assertThat(issued.challenge().checkKey(issued.key(), expiry)).isEqualTo(Outcome.EXPIRED);
  }

  @Test
  void refusesAWrongKey() {
    EmailChallenge.Issued issued = EmailChallenge.issue("ada@example.org", NOW, TEN_MINUTES);
    EmailChallenge.Issued other = EmailChallenge.issue("ada@example.org", NOW, TEN_MINUTES);

    assertThat(issued.challenge().checkKey(other.key(), NOW)).isEqualTo(Outcome.WRONG);
    assertThat(issued.challenge().checkKey(issued.code(), NOW)).isEqualTo(Outcome.WRONG);
  }

  @Test
  void survivesTheTripThroughTheSessionNotes() {
    EmailChallenge challenge =
        EmailChallenge.issue("ada@example.org", NOW, TEN_MINUTES).challenge().afterWrongCode();

    assertThat(EmailChallenge.fromNotes(challenge.notes()::get)).isEqualTo(challenge);
    assertThat(EmailChallenge.fromNotes(name -> null)).isNull();
  }

  private static String otherThan(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }
}
