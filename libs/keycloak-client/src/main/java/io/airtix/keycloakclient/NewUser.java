package io.airtix.keycloakclient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A person to create in the realm, ready to log in.
 *
 * @param realmRoles realm roles on top of the realm's default roles (which already hold {@code
 *     customer}), e.g. {@code platform-admin}
 * @param airlineRoles tenant roles per airline alias, e.g. {@code {"aerolux": {"agent"}}}; each
 *     becomes membership of the group {@code /airlines/<airline>/<role>} and of the airline's
 *     organization
 */
public record NewUser(
    String username,
    String email,
    String firstName,
    String lastName,
    String password,
    Set<String> realmRoles,
    Map<String, Set<String>> airlineRoles) {

  public NewUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    realmRoles = realmRoles == null ? Set.of() : Set.copyOf(realmRoles);
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    if (airlineRoles != null) {
      airlineRoles.forEach((airline, airlineRole) -> roles.put(airline, Set.copyOf(airlineRole)));
    }
    airlineRoles = Map.copyOf(roles);
  }

  /** A customer: nothing beyond the realm's default roles. */
  public static NewUser customer(
      String username, String email, String firstName, String lastName, String password) {
    return new NewUser(username, email, firstName, lastName, password, Set.of(), Map.of());
  }
}
