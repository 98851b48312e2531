package io.airtix.tenants.staff;

import io.airtix.tenants.directory.Person;
import io.airtix.tenants.directory.Standing;
import java.util.List;
import java.util.Set;

/**
 * A member of an airline's staff with the tenant roles held there.
 *
 * @param id the person's Keycloak id, used in the staff URLs
 * @param roles the tenant roles held in the airline; none while suspended
 * @param suspended kept as staff with every role withdrawn, until a tenant admin grants roles again
 * @param pendingActions what the person must still do at the next login; {@code VERIFY_EMAIL} and
 *     {@code UPDATE_PASSWORD} mean an invitation that has not been taken up yet
 */
record StaffMember(
    String id,
    String username,
    String email,
    String firstName,
    String lastName,
    boolean enabled,
    Set<String> roles,
    boolean suspended,
    List<String> pendingActions) {

  static StaffMember of(Person person, Standing standing) {
    return new StaffMember(
        person.id(),
        person.username(),
        person.email(),
        person.firstName(),
        person.lastName(),
        person.enabled(),
        standing.roles(),
        standing.suspended(),
        person.pendingActions());
  }
}
