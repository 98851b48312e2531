package io.airtix.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies a token's signature and claims once, then remembers the result until the token expires:
 * clients send the same token on every request for its whole life, and the RS256 check is the
 * largest single cost of a request.
 *
 * <p>A remembered token is used only strictly before its {@code exp} (the clock skew the full check
 * allows is not granted here: such a token is checked in full again), and the checks that can
 * change during a token's life (the deny-list of banned users and ended sessions) run on every
 * request. Entries are keyed by the token's SHA-256, at most {@code capacity} of them; when full,
 * expired ones are dropped and, if none are, a new token is checked in full on every request
 * instead of being remembered.
 */
final class VerifiedTokenCache implements JwtDecoder {

  private static final long SWEEP_EVERY_MILLIS = 1_000;

  private final JwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> everyRequest;
  private final Clock clock;
  private final int capacity;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong();

  /**
   * @param verifier the full check: signature, issuer, audience, timestamps and {@code
   *     everyRequest}
   * @param everyRequest what a remembered token must still pass on each request
   */
  VerifiedTokenCache(
      JwtDecoder verifier, OAuth2TokenValidator<Jwt> everyRequest, Clock clock, int capacity) {
    this.verifier = verifier;
    this.everyRequest = everyRequest;
    this.clock = clock;
    this.capacity = capacity;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    String key = sha256(token);
    Instant now = clock.instant();
    Jwt known = verified.get(key);
    if (known != null) {
      if (now.isBefore(known.getExpiresAt())) {
        return checkedAgain(known);
      }
      verified.remove(key, known);
    }
    Jwt jwt = verifier.decode(token);
    if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt()) && hasRoom(now)) {
      verified.put(key, jwt);
    }
    return jwt;
  }

  int size() {
    return verified.size();
  }

  private Jwt checkedAgain(Jwt known) {
    OAuth2TokenValidatorResult result = everyRequest.validate(known);
    if (result.hasErrors()) {
      throw new JwtValidationException(
          result.getErrors().iterator().next().getDescription(), result.getErrors());
    }
    return known;
  }

  private boolean hasRoom(Instant now) {
    if (verified.size() < capacity) {
      return true;
    }
    long sweepAt = now.toEpochMilli();
    long last = lastSweep.get();
    // at most one sweep a second, by one thread, so a full cache does not make every request scan
    // it
    if (sweepAt - last >= SWEEP_EVERY_MILLIS && lastSweep.compareAndSet(last, sweepAt)) {
      verified.values().removeIf(jwt -> !now.isBefore(jwt.getExpiresAt()));
    }
    return verified.size() < capacity;
  }

  private static String sha256(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("Every Java runtime has SHA-256", ex);
    }
  }
}
