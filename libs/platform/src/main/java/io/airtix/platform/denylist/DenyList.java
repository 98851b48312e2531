package io.airtix.platform.denylist;

import java.time.Instant;

/**
 * Access tokens that must stop working before they expire: those of a banned, deleted or signed-out
 * user, those of an ended session, and all of them when everybody was signed out. Fed by Keycloak's
 * {@code user.banned}, {@code user.deleted}, {@code session.ended} and {@code realm.logged-out}
 * events, asked by the token validation of every request. Entries are kept as long as a token
 * issued before them can live.
 *
 * <p>The token validation asks each instance's own copy in memory ({@link InMemoryDenyList}), so no
 * request depends on Redis being reachable; in the distributed mode Redis keeps the durable copy
 * that seeds it ({@link RedisDenyList}, see decision 0044).
 */
public interface DenyList {

  /**
   * Refuses the user's tokens issued up to {@code issuedUpTo}; later tokens (after re-enabling)
   * work again.
   */
  void denyUser(String userId, Instant issuedUpTo);

  /**
   * Refuses every token issued up to {@code issuedUpTo}, whoever it belongs to: everybody was
   * signed out.
   */
  void denyEveryone(Instant issuedUpTo);

  /** Refuses every token of the session. */
  void denySession(String sessionId, Instant endedAt);

  /**
   * Whether a token must be refused.
   *
   * @param userId the token's {@code sub}
   * @param sessionId the token's {@code sid}; may be null
   * @param issuedAt the token's {@code iat}; null counts as issued before any ban
   */
  boolean denies(String userId, String sessionId, Instant issuedAt);
}
