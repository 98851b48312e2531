package io.airtix.keycloak.events;

import io.airtix.events.AggregateEvent;
import io.airtix.events.users.RealmLoggedOut;
import io.airtix.events.users.SessionEnded;
import io.airtix.events.users.UserBanned;
import io.airtix.events.users.UserCreated;
import io.airtix.events.users.UserCredentialsChanged;
import io.airtix.events.users.UserDeleted;
import io.airtix.events.users.UserRolesWithdrawn;
import io.airtix.events.users.UserUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Turns Keycloak's user and admin events into the platform's user lifecycle events, and group
 * memberships that change a person's tenant roles into {@code staff.changed}. Runs inside
 * Keycloak's transaction, while the user can still be read, so a created or updated user's current
 * name and e-mail address go out with the event; only ids leave with deletions, bans and ended
 * sessions.
 */
final class LifecycleEvents {

  private final KeycloakSession session;

  LifecycleEvents(KeycloakSession session) {
    this.session = session;
  }

  List<AggregateEvent> of(Event event) {
    if (event.getType() == null || event.getError() != null || event.getUserId() == null) {
      return List.of();
    }
    long time = event.getTime();
    String userId = event.getUserId();
    return switch (event.getType()) {
      case REGISTER ->
          user(event.getRealmId(), userId)
              .map(user -> (AggregateEvent) created(user, time, realm(event)))
              .stream()
              .toList();
      case UPDATE_PROFILE, UPDATE_EMAIL ->
          user(event.getRealmId(), userId)
              .map(user -> (AggregateEvent) updated(user, time, realm(event)))
              .stream()
              .toList();
      case DELETE_ACCOUNT -> List.of(new UserDeleted(userId, time, realm(event)));
      case REMOVE_FEDERATED_IDENTITY ->
          List.of(credentialsChanged(event, UserCredentialsChanged.Reason.PROVIDER_UNLINKED));
      case USER_DISABLED_BY_TEMPORARY_LOCKOUT ->
          List.of(new UserBanned(userId, time, realm(event), UserBanned.Reason.TEMPORARY_LOCKOUT));
      case USER_DISABLED_BY_PERMANENT_LOCKOUT ->
          List.of(new UserBanned(userId, time, realm(event), UserBanned.Reason.PERMANENT_LOCKOUT));
      case LOGOUT ->
          event.getSessionId() == null
              ? List.of()
              : List.of(
                  new SessionEnded(
                      event.getSessionId(),
                      userId,
                      time,
                      realm(event),
                      SessionEnded.Reason.LOGOUT));
      case USER_SESSION_DELETED ->
          event.getSessionId() == null
              ? List.of()
              : List.of(
                  new SessionEnded(
                      event.getSessionId(),
                      userId,
                      time,
                      realm(event),
                      SessionEnded.Reason.REVOKED));
      default -> List.of();
    };
  }

  List<AggregateEvent> of(AdminEvent event) {
    if (event.getError() != null
        || event.getOperationType() == null
        || event.getResourcePath() == null) {
      return List.of();
    }
    AdminPath path = AdminPath.of(event.getResourcePath());
    long time = event.getTime();
    String realm = realm(event);
    if (event.getResourceType() == ResourceType.USER && path.isUser()) {
      String userId = path.id();
      return switch (event.getOperationType()) {
        case CREATE ->
            user(event.getRealmId(), userId)
                .map(user -> createdAsStaff(user, time, realm))
                .orElse(List.of());
        case UPDATE ->
            user(event.getRealmId(), userId)
                .map(user -> updatedOrBanned(user, time, realm))
                .orElse(List.of());
        case DELETE -> List.of(new UserDeleted(userId, time, realm));
        default -> List.of();
      };
    }
    if (event.getResourceType() == ResourceType.USER
        && path.isUserPasswordReset()
        && event.getOperationType() == OperationType.ACTION) {
      return List.of(
          new UserCredentialsChanged(
              path.id(), time, realm, UserCredentialsChanged.Reason.PASSWORD_RESET));
    }
    if (event.getResourceType() == ResourceType.USER
        && path.isUserProviderLink()
        && event.getOperationType() == OperationType.DELETE) {
      return List.of(
          new UserCredentialsChanged(
              path.id(), time, realm, UserCredentialsChanged.Reason.PROVIDER_UNLINKED));
    }
    if (event.getResourceType() == ResourceType.USER
        && path.isUserLogout()
        && event.getOperationType() == OperationType.ACTION) {
      return List.of(new SessionEnded(null, path.id(), time, realm, SessionEnded.Reason.REVOKED));
    }
    if (event.getResourceType() == ResourceType.USER_SESSION
        && path.isSession()
        && event.getOperationType() == OperationType.DELETE) {
      return List.of(new SessionEnded(path.id(), null, time, realm, SessionEnded.Reason.REVOKED));
    }
    Optional<GroupMembership> membership = path.groupMembership(event.getResourceType());
    List<AggregateEvent> staff =
        membership.isPresent()
                && (event.getOperationType() == OperationType.CREATE
                    || event.getOperationType() == OperationType.DELETE)
            ? staffChanged(event.getRealmId(), membership.get(), time, realm)
            : List.of();
    if (event.getOperationType() == OperationType.DELETE) {
      Optional<String> withdrawnFrom = path.userLosingRights(event.getResourceType());
      if (withdrawnFrom.isPresent()) {
        List<AggregateEvent> events = new ArrayList<>();
        events.add(new UserRolesWithdrawn(withdrawnFrom.get(), time, realm));
        events.addAll(staff);
        return List.copyOf(events);
      }
    }
    if (!staff.isEmpty()) {
      return staff;
    }
    if (event.getResourceType() == ResourceType.REALM
        && path.isRealmLogoutAll()
        && event.getOperationType() == OperationType.ACTION) {
      return List.of(new RealmLoggedOut(time, realm));
    }
    return List.of();
  }

  /**
   * A person joined or left a group: when it is one of an airline's tenant roles, their roles in
   * that airline as they are after the change. The group is still there when a membership of it is
   * deleted (deleting the group itself is another event).
   */
  private List<AggregateEvent> staffChanged(
      String realmId, GroupMembership membership, long time, String realm) {
    RealmModel realmModel = session.realms().getRealm(realmId);
    if (realmModel == null) {
      return List.of();
    }
    GroupModel group = session.groups().getGroupById(realmModel, membership.groupId());
    if (group == null) {
      return List.of();
    }
    Optional<StaffRoles.RoleGroup> role =
        StaffRoles.roleGroup(KeycloakModelUtils.buildGroupPath(group));
    UserModel user = session.users().getUserById(realmModel, membership.userId());
    if (role.isEmpty() || user == null) {
      return List.of();
    }
    return List.of(StaffRoles.changed(user, role.get().airline(), time, realm));
  }

  /**
   * An account an administrator created with groups already holds tenant roles: it joins those
   * airlines' staff at once.
   */
  private static List<AggregateEvent> createdAsStaff(UserModel user, long time, String realm) {
    List<AggregateEvent> events = new ArrayList<>();
    events.add(created(user, time, realm));
    events.addAll(StaffRoles.everyAirline(user, time, realm));
    return List.copyOf(events);
  }

  /**
   * An administrator's update may have disabled the account: then it is also a ban. The ban comes
   * one millisecond later, so a consumer of both types applies both ({@code NEWER_ONLY} ignores an
   * equal version).
   */
  private static List<AggregateEvent> updatedOrBanned(UserModel user, long time, String realm) {
    UserUpdated updated = updated(user, time, realm);
    return user.isEnabled()
        ? List.of(updated)
        : List.of(
            updated, new UserBanned(user.getId(), time + 1, realm, UserBanned.Reason.DISABLED));
  }

  private UserCredentialsChanged credentialsChanged(
      Event event, UserCredentialsChanged.Reason reason) {
    return new UserCredentialsChanged(event.getUserId(), event.getTime(), realm(event), reason);
  }

  private static UserCreated created(UserModel user, long time, String realm) {
    return new UserCreated(
        user.getId(),
        time,
        realm,
        user.getUsername(),
        user.getEmail(),
        user.getFirstName(),
        user.getLastName());
  }

  private static UserUpdated updated(UserModel user, long time, String realm) {
    return new UserUpdated(
        user.getId(),
        time,
        realm,
        user.getUsername(),
        user.getEmail(),
        user.getFirstName(),
        user.getLastName());
  }

  private Optional<UserModel> user(String realmId, String userId) {
    RealmModel realm = session.realms().getRealm(realmId);
    return realm == null
        ? Optional.empty()
        : Optional.ofNullable(session.users().getUserById(realm, userId));
  }

  private String realm(Event event) {
    return event.getRealmName() != null ? event.getRealmName() : realmName(event.getRealmId());
  }

  private String realm(AdminEvent event) {
    return event.getRealmName() != null ? event.getRealmName() : realmName(event.getRealmId());
  }

  private String realmName(String realmId) {
    RealmModel realm = session.realms().getRealm(realmId);
    return realm != null ? realm.getName() : realmId;
  }

  static Instant occurredAt(AggregateEvent event) {
    return Instant.ofEpochMilli(event.aggregateVersion());
  }

  /** A user's membership of a group, as an admin path names it. */
  record GroupMembership(String userId, String groupId) {}

  /**
   * The parts of an admin resource path this listener cares about: {@code users/<id>}, {@code
   * users/<id>/logout}, {@code users/<id>/reset-password}, {@code
   * users/<id>/federated-identity/<provider>}, {@code sessions/<id>}, {@code logout-all}, and the
   * paths whose deletion takes rights away from a user.
   */
  record AdminPath(List<String> parts) {

    static AdminPath of(String path) {
      String trimmed = path.startsWith("/") ? path.substring(1) : path;
      return new AdminPath(List.of(trimmed.split("/")));
    }

    boolean isUser() {
      return parts.size() == 2 && parts.get(0).equals("users");
    }

    boolean isUserLogout() {
      return parts.size() == 3 && parts.get(0).equals("users") && parts.get(2).equals("logout");
    }

    /** {@code users/<id>/reset-password}: an administrator set a new password. */
    boolean isUserPasswordReset() {
      return parts.size() == 3
          && parts.get(0).equals("users")
          && parts.get(2).equals("reset-password");
    }

    /** {@code users/<id>/federated-identity/<provider>}: a social account linked to the user. */
    boolean isUserProviderLink() {
      return parts.size() == 4
          && parts.get(0).equals("users")
          && parts.get(2).equals("federated-identity");
    }

    boolean isRealmLogoutAll() {
      return parts.size() == 1 && parts.get(0).equals("logout-all");
    }

    boolean isSession() {
      return parts.size() == 2 && parts.get(0).equals("sessions");
    }

    String id() {
      return parts.get(1);
    }

    /**
     * The user and group of a group membership, {@code users/<id>/groups/<group>}: created when the
     * user joins the group, deleted when they leave it.
     */
    Optional<GroupMembership> groupMembership(ResourceType type) {
      if (type == ResourceType.GROUP_MEMBERSHIP
          && parts.size() == 4
          && parts.get(0).equals("users")
          && parts.get(2).equals("groups")) {
        return Optional.of(new GroupMembership(parts.get(1), parts.get(3)));
      }
      return Optional.empty();
    }

    /**
     * The user whose rights a deletion on this path takes away: {@code users/<id>/groups/<group>}
     * (a group left, e.g. an airline role), {@code users/<id>/role-mappings/realm} and {@code
     * users/<id>/role-mappings/clients/<client>} (roles removed), {@code
     * organizations/<org>/members/<id>} (an airline's staff left).
     */
    Optional<String> userLosingRights(ResourceType type) {
      if (type == ResourceType.GROUP_MEMBERSHIP
          && parts.size() == 4
          && parts.get(0).equals("users")
          && parts.get(2).equals("groups")) {
        return Optional.of(parts.get(1));
      }
      if ((type == ResourceType.REALM_ROLE_MAPPING || type == ResourceType.CLIENT_ROLE_MAPPING)
          && parts.size() >= 4
          && parts.get(0).equals("users")
          && parts.get(2).equals("role-mappings")) {
        return Optional.of(parts.get(1));
      }
      if (type == ResourceType.ORGANIZATION_MEMBERSHIP
          && parts.size() == 4
          && parts.get(0).equals("organizations")
          && parts.get(2).equals("members")) {
        return Optional.of(parts.get(3));
      }
      return Optional.empty();
    }
  }
}
