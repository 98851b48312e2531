package io.airtix.tenants.staff;

import io.airtix.tenants.directory.Person;
import java.util.List;
import java.util.Set;

/**
 * A member of an airline's staff with the tenant roles held there.
 *
 * @param id the person's Keycloak id, used in the staff URLs
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
    List<String> pendingActions) {

  static StaffMember of(Person person, Set<String> roles) {
    return new StaffMember(
        person.id(),
        person.username(),
        person.email(),
        person.firstName(),
        person.lastName(),
        person.enabled(),
        Set.copyOf(roles),
        person.pendingActions());
  }
}
