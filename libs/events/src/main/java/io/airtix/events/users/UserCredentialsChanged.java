package io.airtix.events.users;

import io.airtix.events.AggregateEvent;
import java.util.Objects;

/**
 * How a person proves who they are changed without them: an administrator reset their password, or
 * a social account they could sign in with was unlinked. Whoever held a token obtained with the old
 * proof must not keep it, so services refuse the person's access tokens issued up to this moment;
 * their next token, issued afterwards, works. (A password the person changes or resets themselves
 * signs out their other sessions instead, each with {@code session.ended}: their current one goes
 * on.)
 *
 * @param version Keycloak's event time in epoch milliseconds
 * @param realm the Keycloak realm, also the envelope's tenant
 */
public record UserCredentialsChanged(String userId, long version, String realm, Reason reason)
    implements AggregateEvent {

  public static final String TYPE = "user.credentials-changed";

  public UserCredentialsChanged {
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
    /** An administrator set a new password. */
    PASSWORD_RESET,
    /** A social account the person could sign in with was unlinked from theirs. */
    PROVIDER_UNLINKED
  }
}
