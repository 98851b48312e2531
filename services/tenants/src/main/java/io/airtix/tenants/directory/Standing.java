package io.airtix.tenants.directory;

import java.util.Set;

/**
 * A person's place in one airline.
 *
 * @param roles the tenant roles held there; none while suspended
 * @param suspended kept as staff, but with every role withdrawn until a tenant admin grants roles
 *     again
 */
public record Standing(Set<String> roles, boolean suspended) {

  public Standing {
    roles = Set.copyOf(roles);
  }
}
