package io.airtix.live.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.platform.security.AirtixPrincipal;
import io.airtix.testing.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LivePassesTests {

  private static final Instant ISSUED = Instant.parse("2027-01-10T12:00:00Z");
  private static final Instant EXPIRES = ISSUED.plus(Duration.ofMinutes(5));

  private final MutableClock clock = new MutableClock(ISSUED.plusSeconds(2));
  private final DenyListFake denyList = new DenyListFake();
  private final byte[] key = key();
  private final LivePasses passes = new LivePasses(key, denyList, clock);
  private final AirtixPrincipal alice =
      CallerMother.principal(
          "7c9e6679-7425-40de-944b-e07fc1f90ae7",
          Set.of(AirtixPrincipal.CUSTOMER),
          Map.of("aerolux", Set.of("auditor")));
  private final Caller caller = CallerMother.signedIn(alice, ISSUED, EXPIRES);

  @Test
  void opensToTheCallerItWasIssuedFor() {
    LivePasses.Pass pass = passes.issue(caller);

    assertThat(pass.expiresAt()).isEqualTo(EXPIRES);
    assertThat(passes.open(pass.pass())).isEqualTo(caller);
  }

  @Test
  void opensOnAnotherInstanceSharingTheKey() {
    LivePasses elsewhere = new LivePasses(key.clone(), denyList, clock);

    assertThat(elsewhere.open(passes.issue(caller).pass())).isEqualTo(caller);
  }

  @Test
  void revealsNothingOfItsHolder() {
    String pass = passes.issue(caller).pass();
    String decoded = new String(Base64.getUrlDecoder().decode(pass), StandardCharsets.ISO_8859_1);

    for (String secret :
        new String[] {alice.userId(), alice.username(), alice.email(), alice.sessionId()}) {
      assertThat(pass).doesNotContain(secret);
      assertThat(decoded).doesNotContain(secret);
    }
    assertThat(decoded).doesNotContain("aerolux", "customer");
    assertThat(passes.issue(caller).pass()).as("a fresh nonce each time").isNotEqualTo(pass);
  }

  @Test
  void refusesAPassWithAnyCharacterChanged() {
    String pass = passes.issue(caller).pass();
    byte[] sealed = Base64.getUrlDecoder().decode(pass);
    int altered = 0;

    for (int i = 0; i < pass.length(); i++) {
      char[] chars = pass.toCharArray();
      chars[i] = chars[i] == 'A' ? 'B' : 'A';
      String changed = new String(chars);
      if (Arrays.equals(Base64.getUrlDecoder().decode(changed), sealed)) {
        // base64's last character may carry bits that decode to nothing
        continue;
      }
      altered++;
      assertThatThrownBy(() -> passes.open(changed))
          .as("character %d changed", i)
          .isInstanceOf(CallerRefusedException.class);
    }
    assertThat(altered).isGreaterThan(pass.length() - 2);
  }

  @Test
  void refusesAPassSealedWithAnotherKey() {
    String forged = new LivePasses(key(), denyList, clock).issue(caller).pass();

    assertThatThrownBy(() -> passes.open(forged))
        .isInstanceOf(CallerRefusedException.class)
        .hasMessageContaining("no pass of this service");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "not a pass",
        "AAAA",
        "AAAAAAAAAAAAAAAA",
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl",
        "%2F%2F%2F",
        "++//",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void refusesWhatIsNoPass(String garbage) {
    assertThatThrownBy(() -> passes.open(garbage)).isInstanceOf(CallerRefusedException.class);
  }

  @Test
  void refusesAPassWhoseTokenHasExpired() {
    String pass = passes.issue(caller).pass();
    clock.advance(Duration.between(clock.instant(), EXPIRES).minusMillis(1));
    assertThat(passes.open(pass)).isEqualTo(caller);

    clock.advance(Duration.ofMillis(1));

    assertThatThrownBy(() -> passes.open(pass))
        .isInstanceOf(CallerRefusedException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void refusesThePassOfAUserDeniedAfterItsTokenWasIssued() {
    String pass = passes.issue(caller).pass();

    denyList.denyUser(alice.userId(), ISSUED.plusSeconds(1));

    assertThatThrownBy(() -> passes.open(pass))
        .isInstanceOf(CallerRefusedException.class)
        .hasMessageContaining("revoked");
  }

  @Test
  void opensThePassOfATokenIssuedAfterTheBan() {
    denyList.denyUser(alice.userId(), ISSUED.minusSeconds(1));
    Caller again = CallerMother.signedIn(alice, ISSUED, EXPIRES);

    assertThat(passes.open(passes.issue(again).pass())).isEqualTo(again);
  }

  @Test
  void refusesThePassOfAnEndedSession() {
    String pass = passes.issue(caller).pass();

    denyList.denySession(alice.sessionId(), ISSUED.plusSeconds(1));

    assertThatThrownBy(() -> passes.open(pass)).isInstanceOf(CallerRefusedException.class);
  }

  @Test
  void takesOnlyAnAes256Key() {
    assertThatThrownBy(() -> new LivePasses(new byte[16], denyList, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
