package io.airtix.keycloakclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticatorAppTests {

  private static final String KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  private static final Totp TOTP = Totp.ofDisplayedKey(KEY);

  /** The start of a time step. */
  private static final long STEP = 60_000_000;

  private Instant now = Instant.ofEpochSecond(STEP * Totp.STEP_SECONDS);
  private final List<Duration> pauses = new ArrayList<>();

  @Test
  void givesOutThePreviousCurrentAndNextStepsOnceEachEarlyInAStep() {
    AuthenticatorApp app = app();

    assertThat(List.of(app.nextCode(), app.nextCode(), app.nextCode()))
        .containsExactly(TOTP.codeAt(STEP - 1), TOTP.codeAt(STEP), TOTP.codeAt(STEP + 1));
    assertThat(pauses).isEmpty();
  }

  @Test
  void leavesOutThePreviousStepShortlyBeforeItLeavesKeycloaksWindow() {
    now = now.plusSeconds(25);

    assertThat(app().nextCode()).isEqualTo(TOTP.codeAt(STEP));
  }

  @Test
  void waitsForTheNextStepWhenEveryAcceptedCodeIsSpent() {
    now = now.plusSeconds(12);
    AuthenticatorApp app = app();
    app.nextCode();
    app.nextCode();
    app.nextCode();

    assertThat(app.nextCode()).isEqualTo(TOTP.codeAt(STEP + 2));
    assertThat(pauses).containsExactly(Duration.ofSeconds(18));
    assertThat(app.lastStep()).isEqualTo(STEP + 2);
  }

  @Test
  void neverRepeatsAStepItGaveOutBeforeItWasKept() {
    AuthenticatorApp kept = new AuthenticatorApp(TOTP, STEP, clock(), pauses::add);

    assertThat(kept.nextCode()).isEqualTo(TOTP.codeAt(STEP + 1));
  }

  @Test
  void hasNoCodeBeforeItIsEnrolled() {
    AuthenticatorApp app = new AuthenticatorApp();

    assertThat(app.key()).isEmpty();
    assertThatThrownBy(app::nextCode)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never enrolled");
    app.enrol("gezd gnbv gy3t qojq gezd gnbv gy3t qojq");
    assertThat(app.key()).contains(KEY);
  }

  @Test
  void keepsItsKeyAndLastStepForLater() {
    AuthenticatorApp app = AuthenticatorApp.withKey(KEY, 42);

    assertThat(app.key()).contains(KEY);
    assertThat(app.lastStep()).isEqualTo(42);
  }

  private AuthenticatorApp app() {
    return new AuthenticatorApp(
        TOTP,
        Long.MIN_VALUE,
        clock(),
        duration -> {
          pauses.add(duration);
          now = now.plus(duration);
        });
  }

  /** A clock that reads {@link #now} whenever asked. */
  private Clock clock() {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
  }
}
