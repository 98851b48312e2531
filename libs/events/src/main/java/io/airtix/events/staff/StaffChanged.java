package io.airtix.events.staff;

import io.airtix.events.AggregateEvent;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person's tenant roles in an airline changed: they joined or left one of the airline's role
 * groups, or accepted an invitation to its staff. Carries every tenant role ({@code tenant-admin},
 * {@code agent}, {@code auditor}) they hold there afterwards, not the difference, so the latest
 * event alone tells their standing; a suspended person holds none.
 *
 * @param version Keycloak's event time in epoch milliseconds
 * @param airline the airline (its alias, the tenant id), also the envelope's tenant
 * @param username may be null when the account was gone by the time the event was built
 * @param roles the tenant roles held in the airline after the change; empty when the person no
 *     longer holds any there
 * @param realm the Keycloak realm
 */
public record StaffChanged(
    String userId, long version, String airline, String username, Set<String> roles, String realm)
    implements AggregateEvent {

  public static final String TYPE = "staff.changed";

  public StaffChanged {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(airline, "airline");
    Objects.requireNonNull(realm, "realm");
    // sorted, so the same roles always travel as the same JSON array
    roles =
        roles == null
            ? Collections.emptySortedSet()
            : Collections.unmodifiableSortedSet(new TreeSet<>(roles));
  }

  @Override
  public String eventType() {
    return TYPE;
  }

  /** The person's membership of the airline: {@code <airline>/<user id>}. */
  @Override
  public String aggregateId() {
    return airline + "/" + userId;
  }

  @Override
  public long aggregateVersion() {
    return version;
  }

  @Override
  public String tenant() {
    return airline;
  }
}
