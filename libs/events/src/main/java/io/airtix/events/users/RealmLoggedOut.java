package io.airtix.events.users;

import io.airtix.events.AggregateEvent;
import java.util.Objects;

/**
 * An administrator signed everybody out of the realm at once (the admin console's "Sign out all
 * active sessions"). Services refuse every access token of the realm issued up to this moment;
 * tokens issued afterwards work.
 *
 * @param version Keycloak's event time in epoch milliseconds
 * @param realm the Keycloak realm, also the envelope's tenant and the aggregate
 */
public record RealmLoggedOut(long version, String realm) implements AggregateEvent {

  public static final String TYPE = "realm.logged-out";

  public RealmLoggedOut {
    Objects.requireNonNull(realm, "realm");
  }

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return realm;
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
