package io.airtix.events.users;

import io.airtix.events.AggregateEvent;
import java.util.Objects;

/**
 * A person may no longer sign in: an administrator disabled the account, or brute-force protection
 * locked it. Services refuse the person's access tokens issued up to this moment.
 *
 * @param version Keycloak's event time in epoch milliseconds
 * @param realm the Keycloak realm, also the envelope's tenant
 */
public record UserBanned(String userId, long version, String realm, Reason reason)
    implements AggregateEvent {

  public static final String TYPE = "user.banned";

  public UserBanned {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return userId;
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
    /** An administrator disabled the account. */
    DISABLED,
    /** Brute-force protection locked the account for a while. */
    TEMPORARY_LOCKOUT,
    /** Brute-force protection disabled the account until an administrator enables it. */
    PERMANENT_LOCKOUT
  }
}
