package io.airtix.platform.denylist;

import io.airtix.events.EventEnvelope;
import io.airtix.events.users.RealmLoggedOut;
import io.airtix.events.users.SessionEnded;
import io.airtix.events.users.UserBanned;
import io.airtix.events.users.UserCredentialsChanged;
import io.airtix.events.users.UserDeleted;
import io.airtix.events.users.UserRolesWithdrawn;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What each of Keycloak's user events means for the tokens already issued: {@code user.banned},
 * {@code user.deleted}, {@code user.roles-withdrawn} and {@code user.credentials-changed} refuse a
 * user's tokens issued up to the event, {@code session.ended} a session's (or a user's, when it
 * names none), {@code realm.logged-out} everyone's. The deny-list applies it to its entries; the
 * live-updates service to its open connections.
 */
public final class DenyListEvents {

  /** The event types that refuse tokens. */
  public static final List<String> TYPES =
      List.of(
          UserBanned.TYPE,
          UserDeleted.TYPE,
          UserRolesWithdrawn.TYPE,
          UserCredentialsChanged.TYPE,
          SessionEnded.TYPE,
          RealmLoggedOut.TYPE);

  private DenyListEvents() {}

  /**
   * Applies an event to {@code target}.
   *
   * @param realm the realm whose tokens count; a sign-out of everybody in another realm changes
   *     nothing
   * @return what was refused, for a log line; null when the event refuses nothing
   */
  public static @Nullable String apply(
      EventEnvelope<?> event, DenyList target, @Nullable String realm) {
    Object payload = event.payload();
    if (payload instanceof UserBanned banned) {
      target.denyUser(banned.userId(), event.occurredAt());
      return "tokens of user " + banned.userId() + " refused (" + banned.reason() + ")";
    } else if (payload instanceof UserDeleted deleted) {
      target.denyUser(deleted.userId(), event.occurredAt());
      return "tokens of user " + deleted.userId() + " refused (account deleted)";
    } else if (payload instanceof UserRolesWithdrawn withdrawn) {
      target.denyUser(withdrawn.userId(), event.occurredAt());
      return "tokens of user "
          + withdrawn.userId()
          + " issued up to "
          + event.occurredAt()
          + " refused (rights withdrawn)";
    } else if (payload instanceof UserCredentialsChanged changed) {
      target.denyUser(changed.userId(), event.occurredAt());
      return "tokens of user "
          + changed.userId()
          + " issued up to "
          + event.occurredAt()
          + " refused ("
          + changed.reason()
          + ")";
    } else if (payload instanceof SessionEnded ended && ended.sessionId() != null) {
      target.denySession(ended.sessionId(), event.occurredAt());
      return "tokens of session " + ended.sessionId() + " refused (" + ended.reason() + ")";
    } else if (payload instanceof SessionEnded ended) {
      target.denyUser(ended.userId(), event.occurredAt());
      return "tokens of user " + ended.userId() + " refused (all sessions, " + ended.reason() + ")";
    } else if (payload instanceof RealmLoggedOut loggedOut && loggedOut.realm().equals(realm)) {
      target.denyEveryone(event.occurredAt());
      return "every token issued up to " + event.occurredAt() + " refused (everybody signed out)";
    }
    return null;
  }
}
