package io.airtix.events.users;

import io.airtix.events.AggregateEvent;
import java.util.Objects;

/**
 * Rights a person held were taken away: they left a group (an airline role, a suspension), an
 * organization (an airline's staff) or a role mapping. Their access tokens issued up to this moment
 * may still carry those rights, so services refuse them; the person's next token, issued
 * afterwards, carries only what they hold now.
 *
 * @param version Keycloak's event time in epoch milliseconds
 * @param realm the Keycloak realm, also the envelope's tenant
 */
public record UserRolesWithdrawn(String userId, long version, String realm)
    implements AggregateEvent {

  public static final String TYPE = "user.roles-withdrawn";

  public UserRolesWithdrawn {
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
