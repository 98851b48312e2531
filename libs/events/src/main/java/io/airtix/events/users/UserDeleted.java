package io.airtix.events.users;

import io.airtix.events.AggregateEvent;
import java.util.Objects;

/**
 * A person's account was deleted, by themselves or by an administrator. Every service erases or
 * anonymises what it holds about the person; the event itself carries nothing but the id.
 *
 * @param version Keycloak's event time in epoch milliseconds
 * @param realm the Keycloak realm, also the envelope's tenant
 */
public record UserDeleted(String userId, long version, String realm) implements AggregateEvent {

  public static final String TYPE = "user.deleted";

  public UserDeleted {
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

  /** Yes: an account deleted has no further events. */
  @Override
  public boolean endsAggregate() {
    return true;
  }

  @Override
  public String tenant() {
    return realm;
  }
}
