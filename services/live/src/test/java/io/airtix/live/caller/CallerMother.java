package io.airtix.live.caller;

import io.airtix.platform.security.AirtixPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** People on the other end of a connection, as their checked tokens describe them. */
public final class CallerMother {

  private CallerMother() {}

  /** A customer (realm role {@code customer}) with a session of their own. */
  public static AirtixPrincipal customer(String userId) {
    return principal(userId, Set.of(AirtixPrincipal.CUSTOMER), Map.of());
  }

  /** Staff holding {@code roles} in one airline, and no platform role. */
  public static AirtixPrincipal staff(String userId, String airline, String... roles) {
    return principal(userId, Set.of(), Map.of(airline, Set.of(roles)));
  }

  public static AirtixPrincipal principal(
      String userId, Set<String> platformRoles, Map<String, Set<String>> airlineRoles) {
    return new AirtixPrincipal(
        userId,
        "user-" + userId,
        userId + "@example.org",
        "session-" + UUID.randomUUID(),
        platformRoles,
        airlineRoles);
  }

  /** Signed in with a token issued a minute ago, valid for an hour. */
  public static Caller signedIn(AirtixPrincipal principal) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new Caller(principal, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)));
  }

  public static Caller signedIn(AirtixPrincipal principal, Instant issuedAt, Instant expiresAt) {
    return new Caller(principal, issuedAt, expiresAt);
  }
}
