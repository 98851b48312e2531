package io.airtix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.platform.denylist.DenyList;
import io.airtix.platform.denylist.DenyListValidator;
import io.airtix.testing.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The cache of verified tokens never widens what the full check accepts. */
class VerifiedTokenCacheTests {

  private final Instant start = Instant.parse("2026-11-24T10:00:00Z");
  private final MutableClock clock = new MutableClock(start);
  private final Denied denyList = new Denied();
  private final Verifier verifier = new Verifier();

  @Test
  void checksATokenInFullOnceWhileItIsValid() {
    VerifiedTokenCache cache = cache(10);
    verifier.accepts("token-1", token("user-1", "session-1", start.plusSeconds(300)));

    Jwt first = cache.decode("token-1");
    clock.advance(Duration.ofSeconds(299));
    Jwt second = cache.decode("token-1");

    assertThat(second).isSameAs(first);
    assertThat(verifier.calls("token-1")).isEqualTo(1);
  }

  @Test
  void neverAcceptsARememberedTokenAtItsExpiry() {
    VerifiedTokenCache cache = cache(10);
    verifier.accepts("token-1", token("user-1", "session-1", start.plusSeconds(300)));
    cache.decode("token-1");
    // the full check would refuse it now (expired beyond its clock skew)
    verifier.refuses("token-1");

    clock.advance(Duration.ofSeconds(300));

    assertThatThrownBy(() -> cache.decode("token-1")).isInstanceOf(BadJwtException.class);
    assertThat(verifier.calls("token-1")).isEqualTo(2);
  }

  @Test
  void refusesARememberedTokenOnceItsSessionEnded() {
    VerifiedTokenCache cache = cache(10);
    verifier.accepts("token-1", token("user-1", "session-1", start.plusSeconds(300)));
    cache.decode("token-1");

    denyList.denySession("session-1", clock.instant());

    assertThatThrownBy(() -> cache.decode("token-1"))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("revoked");
    assertThat(verifier.calls("token-1")).isEqualTo(1);
  }

  @Test
  void refusesARememberedTokenOnceItsUserWasBanned() {
    VerifiedTokenCache cache = cache(10);
    verifier.accepts("token-1", token("user-1", "session-1", start.plusSeconds(300)));
    cache.decode("token-1");

    denyList.denyUser("user-1", clock.instant());

    assertThatThrownBy(() -> cache.decode("token-1")).isInstanceOf(JwtValidationException.class);
  }

  @Test
  void refusesARememberedTokenOnceEverybodyWasSignedOut() {
    VerifiedTokenCache cache = cache(10);
    verifier.accepts("token-1", token("user-1", "session-1", start.plusSeconds(300)));
    cache.decode("token-1");

    denyList.denyEveryone(clock.instant());

    assertThatThrownBy(() -> cache.decode("token-1")).isInstanceOf(JwtValidationException.class);
  }

  @Test
  void remembersNoTokenTheFullCheckRefused() {
    VerifiedTokenCache cache = cache(10);
    verifier.refuses("forged");

    assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThat(verifier.calls("forged")).isEqualTo(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void remembersNoTokenAcceptedOnlyWithinTheClockSkew() {
    VerifiedTokenCache cache = cache(10);
    verifier.accepts("late", token("user-1", "session-1", start.minusSeconds(10)));

    cache.decode("late");
    cache.decode("late");

    assertThat(verifier.calls("late")).isEqualTo(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void holdsAtMostItsCapacityAndMakesRoomByDroppingExpiredTokens() {
    VerifiedTokenCache cache = cache(2);
    verifier.accepts("short", token("user-1", "s-1", start.plusSeconds(10)));
    verifier.accepts("long", token("user-2", "s-2", start.plusSeconds(300)));
    verifier.accepts("third", token("user-3", "s-3", start.plusSeconds(300)));
    cache.decode("short");
    cache.decode("long");

    cache.decode("third");
    assertThat(cache.size()).isEqualTo(2);
    cache.decode("third");
    assertThat(verifier.calls("third")).as("not remembered while full").isEqualTo(2);

    clock.advance(Duration.ofSeconds(10));
    cache.decode("third");
    cache.decode("third");

    assertThat(cache.size()).isEqualTo(2);
    assertThat(verifier.calls("third"))
        .as("remembered once the expired one made room")
        .isEqualTo(3);
  }

  private VerifiedTokenCache cache(int capacity) {
    return new VerifiedTokenCache(verifier, new DenyListValidator(denyList), clock, capacity);
  }

  private Jwt token(String user, String session, Instant expiresAt) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject(user)
        .claim("sid", session)
        .audience(List.of("orders"))
        .issuedAt(expiresAt.minusSeconds(300))
        .expiresAt(expiresAt)
        .build();
  }

  /**
   * Stands for the signature and claims check: accepts or refuses each token as told, and counts
   * the calls.
   */
  private static final class Verifier implements JwtDecoder {

    private final Map<String, Jwt> accepted = new HashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();

    void accepts(String token, Jwt jwt) {
      accepted.put(token, jwt);
    }

    void refuses(String token) {
      accepted.remove(token);
    }

    int calls(String token) {
      return calls.getOrDefault(token, 0);
    }

    @Override
    public Jwt decode(String token) {
      calls.merge(token, 1, Integer::sum);
      Jwt jwt = accepted.get(token);
      if (jwt == null) {
        throw new BadJwtException("refused");
      }
      return jwt;
    }
  }

  /** The deny-list as the services see it, in memory. */
  private static final class Denied implements DenyList {

    private final Set<String> users = new HashSet<>();
    private final Set<String> sessions = new HashSet<>();
    private boolean everyone;

    @Override
    public void denyUser(String userId, Instant issuedUpTo) {
      users.add(userId);
    }

    @Override
    public void denyEveryone(Instant issuedUpTo) {
      everyone = true;
    }

    @Override
    public void denySession(String sessionId, Instant endedAt) {
      sessions.add(sessionId);
    }

    @Override
    public boolean denies(String userId, String sessionId, Instant issuedAt) {
      return everyone || users.contains(userId) || sessions.contains(sessionId);
    }
  }
}
