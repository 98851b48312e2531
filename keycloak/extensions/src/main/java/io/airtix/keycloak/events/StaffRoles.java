package io.airtix.keycloak.events;

import io.airtix.events.staff.StaffChanged;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A person's tenant roles in an airline, read from their Keycloak groups: a tenant role is
 * membership of {@code /airlines/<airline>/<role>} (decision 0002). Other groups of an airline (its
 * {@code suspended} staff) and groups outside {@code /airlines/} grant no tenant role.
 */
final class StaffRoles {

  static final String AIRLINES = "airlines";

  /** The roles of the policy that are held per airline; the same as the tenants service's. */
  static final Set<String> TENANT_ROLES = Set.of("tenant-admin", "agent", "auditor");

  private StaffRoles() {}

  /** A group that is a tenant role in an airline. */
  record RoleGroup(String airline, String role) {}

  /** The airline and role a group path stands for, when it is {@code /airlines/<a>/<role>}. */
  static Optional<RoleGroup> roleGroup(String path) {
    if (path == null || !path.startsWith("/")) {
      return Optional.empty();
    }
    List<String> parts = List.of(path.substring(1).split("/", -1));
    if (parts.size() == 3
        && parts.get(0).equals(AIRLINES)
        && !parts.get(1).isEmpty()
        && TENANT_ROLES.contains(parts.get(2))) {
      return Optional.of(new RoleGroup(parts.get(1), parts.get(2)));
    }
    return Optional.empty();
  }

  /** The tenant roles that these group paths give in the airline, sorted. */
  static Set<String> rolesIn(String airline, Stream<String> groupPaths) {
    return groupPaths
        .map(StaffRoles::roleGroup)
        .flatMap(Optional::stream)
        .filter(group -> group.airline().equals(airline))
        .map(RoleGroup::role)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The airlines in which these group paths give any tenant role, sorted. */
  static Set<String> airlinesOf(Stream<String> groupPaths) {
    return groupPaths
        .map(StaffRoles::roleGroup)
        .flatMap(Optional::stream)
        .map(RoleGroup::airline)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The person's standing in the airline as it is now, in this Keycloak transaction. */
  static StaffChanged changed(UserModel user, String airline, long time, String realm) {
    return new StaffChanged(
        user.getId(), time, airline, user.getUsername(), rolesIn(airline, groupPaths(user)), realm);
  }

  /** Every airline the person holds tenant roles in, e.g. when an account is created with them. */
  static List<StaffChanged> everyAirline(UserModel user, long time, String realm) {
    return airlinesOf(groupPaths(user)).stream()
        .map(airline -> changed(user, airline, time, realm))
        .toList();
  }

  private static Stream<String> groupPaths(UserModel user) {
    return user.getGroupsStream().map(KeycloakModelUtils::buildGroupPath);
  }
}
