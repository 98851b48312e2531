package io.airtix.keycloakclient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A person's authenticator app, for logins without a browser: it learns its key from Keycloak's
 * enrolment page, as a phone scanning the code would, and answers Keycloak's one-time-code prompt.
 *
 * <p>Keycloak accepts codes of the current 30-second step and of one step either side, and each
 * code once only. So the app never gives out a step twice, and when every step Keycloak would
 * accept now is spent it waits for the next one: a person signed in several times in a row gets a
 * code each time, at worst half a minute later. Thread-safe.
 */
public final class AuthenticatorApp {

  /**
   * A code of the previous step is given out only this long before that step leaves Keycloak's
   * window.
   */
  private static final Duration MARGIN = Duration.ofSeconds(10);

  /** Waits; a seam so the app's timing can be checked without waiting. */
  @FunctionalInterface
  interface Pause {

    void sleep(Duration duration) throws InterruptedException;
  }

  private final Clock clock;
  private final Pause pause;
  private Totp totp;
  private long lastStep;

  AuthenticatorApp(Totp totp, long lastStep, Clock clock, Pause pause) {
    this.totp = totp;
    this.lastStep = lastStep;
    this.clock = clock;
    this.pause = pause;
  }

  /** An app without a key yet: the next TOTP enrolment sets it up. */
  public AuthenticatorApp() {
    this(null, Long.MIN_VALUE, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
  }

  /**
   * An app set up earlier with this key, e.g. kept in a file.
   *
   * @param lastStep the time step of the last code it gave out ({@link #lastStep()}), so none is
   *     given out twice
   */
  public static AuthenticatorApp withKey(String key, long lastStep) {
    AuthenticatorApp app = new AuthenticatorApp();
    app.totp = Totp.ofDisplayedKey(key);
    app.lastStep = lastStep;
    return app;
  }

  /** The key, once the app has one: what a person would type into another authenticator app. */
  public synchronized Optional<String> key() {
    return Optional.ofNullable(totp).map(Totp::key);
  }

  /** The time step of the last code given out; {@link Long#MIN_VALUE} before the first. */
  public synchronized long lastStep() {
    return lastStep;
  }

  /** Takes the key Keycloak's enrolment page shows, replacing any earlier one. */
  synchronized void enrol(String displayedKey) {
    totp = Totp.ofDisplayedKey(displayedKey);
  }

  /**
   * A code Keycloak accepts now and this app has not given out before; waits up to one step when
   * all are spent.
   *
   * @throws IllegalStateException when the app has no key yet
   */
  public synchronized String nextCode() {
    if (totp == null) {
      throw new IllegalStateException("the authenticator app has no key: it was never enrolled");
    }
    while (true) {
      Instant now = clock.instant();
      long current = Totp.stepAt(now);
      Instant currentEnds = Instant.ofEpochSecond((current + 1) * Totp.STEP_SECONDS);
      long earliest =
          Duration.between(now, currentEnds).compareTo(MARGIN) >= 0 ? current - 1 : current;
      long step = Math.max(earliest, lastStep == Long.MIN_VALUE ? earliest : lastStep + 1);
      if (step <= current + 1) {
        lastStep = step;
        return totp.codeAt(step);
      }
      // every step in Keycloak's window is spent: the step after the next one enters it when the
      // next one begins
      try {
        pause.sleep(Duration.between(now, currentEnds));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the next one-time code", e);
      }
    }
  }
}
