package io.airtix.events.users;

import io.airtix.events.AggregateEvent;
import java.util.Objects;

/**
 * A person's account was created: by registration (form, identity provider) or by an administrator.
 *
 * @param version Keycloak's event time in epoch milliseconds
 * @param realm the Keycloak realm, also the envelope's tenant
 * @param email may be null when the account has none yet
 */
public record UserCreated(
    String userId,
    long version,
    String realm,
    String username,
    String email,
    String firstName,
    String lastName)
    implements AggregateEvent {

  public static final String TYPE = "user.created";

  public UserCreated {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(realm, "realm");
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
}
