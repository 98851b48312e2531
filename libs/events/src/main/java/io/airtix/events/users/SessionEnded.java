package io.airtix.events.users;

import io.airtix.events.AggregateEvent;
import java.util.Objects;

/**
 * A sign-in session ended before its time: the person logged out, or an administrator revoked it.
 * Services refuse access tokens of that session; when {@code sessionId} is null every session of
 * the user ended at once, and services refuse the user's tokens issued up to this moment.
 *
 * @param sessionId the session ({@code sid} claim of its tokens); null when all sessions of the
 *     user ended
 * @param userId the user ({@code sub}); null when Keycloak did not say (an administrator deleted
 *     one session by id)
 * @param version Keycloak's event time in epoch milliseconds
 * @param realm the Keycloak realm, also the envelope's tenant
 */
public record SessionEnded(
    String sessionId, String userId, long version, String realm, Reason reason)
    implements AggregateEvent {

  public static final String TYPE = "session.ended";

  public SessionEnded {
    if (sessionId == null && userId == null) {
      throw new IllegalArgumentException("a session.ended event names a session, a user, or both");
    }
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String eventType() {
    return TYPE;
  }

  /** The session, or the user when all of the user's sessions ended. */
  @Override
  public String aggregateId() {
    return sessionId != null ? sessionId : userId;
  }

  @Override
  public long aggregateVersion() {
    return version;
  }

  @Override
  public String tenant() {
    return realm;
  }

  public enum Reason {
    /** The person logged out. */
    LOGOUT,
    /** An administrator (or the person, from another device) revoked the session. */
    REVOKED
  }
}
