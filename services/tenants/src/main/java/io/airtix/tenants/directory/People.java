package io.airtix.tenants.directory;

import io.airtix.keycloakclient.AirtixRealm;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  public void addMember(Airline airline, String userId) {
    try (Response response = members(airline).addMember(userId)) {
      // 409: already a member, which is what we want
      if (response.getStatus() / 100 != 2 && response.getStatus() != 409) {
        throw new IllegalStateException(
            "Keycloak refused to add "
                + userId
                + " to airline "
                + airline.alias()
                + ": "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
      }
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
   * The person's tenant roles in one airline, from their groups {@code /airlines/<alias>/<role>}.
   */
  public Set<String> roles(String userId, String alias) {
    String prefix = "/" + AirtixRealm.AIRLINES_GROUP + "/" + alias + "/";
    Set<String> roles = new TreeSet<>();
    int page = 100;
    for (int first = 0; ; first += page) {
      // the search parameter matches group names, not paths, and role groups are all named alike:
      // read them all
      List<GroupRepresentation> groups = user(userId).groups(first, page, true);
      for (GroupRepresentation group : groups) {
        if (group.getPath() != null && group.getPath().startsWith(prefix)) {
          String role = group.getPath().substring(prefix.length());
          if (AirtixRealm.TENANT_ROLES.contains(role)) {
            roles.add(role);
          }
        }
      }
      if (groups.size() < page) {
        return roles;
      }
    }
  }

  /**
   * Makes the person's tenant roles in the airline exactly {@code roles}; other airlines are
   * untouched.
   */
  public void replaceRoles(String userId, String alias, Set<String> roles) {
    Set<String> current = roles(userId, alias);
    for (String role : AirtixRealm.TENANT_ROLES) {
      if (roles.contains(role) && !current.contains(role)) {
        user(userId).joinGroup(airlines.roleGroupId(alias, role));
      } else if (!roles.contains(role) && current.contains(role)) {
        user(userId).leaveGroup(airlines.roleGroupId(alias, role));
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
