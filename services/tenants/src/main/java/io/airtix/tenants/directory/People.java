package io.airtix.tenants.directory;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.platform.security.AirtixPrincipal;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.keycloak.admin.client.resource.OrganizationMembersResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.springframework.stereotype.Component;

/**
 * The people of the realm as staff of airlines: accounts, organization membership, tenant roles
 * (membership of {@code /airlines/<alias>/<role>}) and sessions. Every method is one or a few admin
 * calls; none keeps state.
 */
@Component
public class People {

  private final AirtixRealm realm;
  private final AirlineDirectory airlines;

  public People(AirtixRealm realm, AirlineDirectory airlines) {
    this.realm = realm;
    this.airlines = airlines;
  }

  public Optional<Person> byEmail(String email) {
    return realm.resource().users().searchByEmail(email, true).stream()
        .filter(user -> email.equalsIgnoreCase(user.getEmail()))
        .findFirst()
        .map(People::person);
  }

  public Optional<Person> byId(String userId) {
    try {
      return Optional.of(person(user(userId).toRepresentation()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  public boolean isMember(Airline airline, String userId) {
    try {
      members(airline).member(userId).toRepresentation();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  public void removeMember(Airline airline, String userId) {
    try (Response response = members(airline).member(userId).delete()) {
      if (response.getStatus() / 100 != 2 && response.getStatus() != 404) {
        throw new IllegalStateException(
            "Keycloak refused to remove "
                + userId
                + " from airline "
                + airline.alias()
                + ": "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
      }
    }
  }

  /** One page of the airline's members, by Keycloak's order. */
  public List<Person> members(Airline airline, int first, int max) {
    return members(airline).list(first, max, false).stream().map(People::person).toList();
  }

  public long memberCount(Airline airline) {
    return members(airline).count();
  }

  /**
   * The person's standing in one airline, from their groups {@code /airlines/<alias>/<group>}:
   * their tenant roles, and whether they are suspended.
   */
  public Standing standing(String userId, String alias) {
    Set<String> groups = airlineGroups(userId).getOrDefault(alias, Set.of());
    Set<String> roles = new TreeSet<>(groups);
    roles.retainAll(AirtixRealm.TENANT_ROLES);
    return new Standing(roles, groups.contains(AirtixRealm.SUSPENDED_GROUP));
  }

  /** The person's tenant roles in one airline. */
  public Set<String> roles(String userId, String alias) {
    return standing(userId, alias).roles();
  }

  /**
   * Makes the person's groups in the airline exactly {@code groups}: tenant roles, or {@link
   * AirtixRealm#SUSPENDED_GROUP}, or none; other airlines are untouched.
   */
  public void replaceGroups(String userId, String alias, Set<String> groups) {
    Set<String> current = airlineGroups(userId).getOrDefault(alias, Set.of());
    for (String group : AirtixRealm.staffGroupNames()) {
      if (groups.contains(group) && !current.contains(group)) {
        user(userId).joinGroup(airlines.roleGroupId(alias, group));
      } else if (!groups.contains(group) && current.contains(group)) {
        user(userId).leaveGroup(airlines.roleGroupId(alias, group));
      }
    }
  }

  /**
   * Whether the account reaches beyond the airline: its holder is a platform admin, or staff of
   * another airline (a member of its organization, or in one of its groups). Such an account's
   * realm-wide state (enabled, sessions) is not the airline's to change (decision 0024).
   */
  public boolean reachesBeyond(Airline airline, String userId) {
    boolean platformAdmin =
        user(userId).roles().realmLevel().listEffective().stream()
            .anyMatch(role -> AirtixPrincipal.PLATFORM_ADMIN.equals(role.getName()));
    if (platformAdmin) {
      return true;
    }
    boolean otherOrganization =
        realm.resource().organizations().members().getOrganizations(userId, true).stream()
            .anyMatch(organization -> !airline.organizationId().equals(organization.getId()));
    return otherOrganization
        || airlineGroups(userId).keySet().stream()
            .anyMatch(alias -> !alias.equals(airline.alias()));
  }

  /** The person's groups below {@code /airlines}, by airline: role names and other groups. */
  private Map<String, Set<String>> airlineGroups(String userId) {
    String prefix = "/" + AirtixRealm.AIRLINES_GROUP + "/";
    Map<String, Set<String>> byAirline = new TreeMap<>();
    int page = 100;
    for (int first = 0; ; first += page) {
      // the search parameter matches group names, not paths, and role groups are all named alike:
      // read them all
      List<GroupRepresentation> groups = user(userId).groups(first, page, true);
      for (GroupRepresentation group : groups) {
        String path = group.getPath();
        if (path != null && path.startsWith(prefix)) {
          String[] airlineAndGroup = path.substring(prefix.length()).split("/", 2);
          if (airlineAndGroup.length == 2) {
            byAirline
                .computeIfAbsent(airlineAndGroup[0], alias -> new TreeSet<>())
                .add(airlineAndGroup[1]);
          }
        }
      }
      if (groups.size() < page) {
        return byAirline;
      }
    }
  }

  /** Ids of the airline's tenant admins whose accounts are enabled. */
  public Set<String> enabledTenantAdmins(String alias) {
    Set<String> ids = new LinkedHashSet<>();
    String groupId = airlines.roleGroupId(alias, "tenant-admin");
    int page = 100;
    for (int first = 0; ; first += page) {
      List<UserRepresentation> members =
          realm.resource().groups().group(groupId).members(first, page, true);
      members.stream()
          .filter(user -> Boolean.TRUE.equals(user.isEnabled()))
          .forEach(user -> ids.add(user.getId()));
      if (members.size() < page) {
        return ids;
      }
    }
  }

  public void setEnabled(String userId, boolean enabled) {
    UserRepresentation user = user(userId).toRepresentation();
    user.setEnabled(enabled);
    user(userId).update(user);
  }

  public List<LoginSession> sessions(String userId) {
    List<LoginSession> sessions = new ArrayList<>();
    for (UserSessionRepresentation session : user(userId).getUserSessions()) {
      sessions.add(
          new LoginSession(
              session.getId(),
              session.getIpAddress(),
              Instant.ofEpochMilli(session.getStart()),
              Instant.ofEpochMilli(session.getLastAccess()),
              session.getClients() == null
                  ? List.of()
                  : List.copyOf(new TreeSet<>(session.getClients().values()))));
    }
    return sessions;
  }

  /** Ends every session of the person; their refresh tokens stop working at once. */
  public void endSessions(String userId) {
    user(userId).logout();
  }

  public void endSession(String sessionId) {
    realm.resource().deleteSession(sessionId, false);
  }

  private UserResource user(String userId) {
    return realm.resource().users().get(userId);
  }

  private OrganizationMembersResource members(Airline airline) {
    return realm.resource().organizations().get(airline.organizationId()).members();
  }

  private static Person person(UserRepresentation user) {
    return new Person(
        user.getId(),
        user.getUsername(),
        user.getEmail(),
        user.getFirstName(),
        user.getLastName(),
        Boolean.TRUE.equals(user.isEnabled()),
        user.getRequiredActions() == null ? List.of() : List.copyOf(user.getRequiredActions()));
  }
}
