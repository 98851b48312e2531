package io.airtix.tenants.staff;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.platform.authorization.AccessPolicy;
import io.airtix.platform.problem.AirlineNotFoundException;
import io.airtix.platform.security.AirtixPrincipal;
import io.airtix.tenants.directory.Airline;
import io.airtix.tenants.directory.AirlineDirectory;
import io.airtix.tenants.directory.AirlineLocks;
import io.airtix.tenants.directory.Invitations;
import io.airtix.tenants.directory.People;
import io.airtix.tenants.directory.Person;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * An airline's staff, managed by its tenant admins. Every call first applies decision 0003 to the
 * airline in the URL (403 when the caller may manage staff nowhere, 404 when only elsewhere), then
 * checks that the person addressed is a member of that airline (404 otherwise), so a member of
 * airline B is invisible through airline A's URLs. A tenant admin's power ends at the airline's
 * edge (decision 0024): people join only by accepting an invitation, and actions on the account
 * itself (its sign-in and sessions) apply only to accounts that serve this airline alone.
 */
@Service
class Staff {

  static final String RESOURCE = "staff";
  static final String TENANT_ADMIN = "tenant-admin";

  private final AirlineDirectory airlines;
  private final People people;
  private final Invitations invitations;
  private final AirlineLocks locks;
  private final AccessPolicy access;

  Staff(
      AirlineDirectory airlines,
      People people,
      Invitations invitations,
      AirlineLocks locks,
      AccessPolicy access) {
    this.airlines = airlines;
    this.people = people;
    this.invitations = invitations;
    this.locks = locks;
    this.access = access;
  }

  StaffPage list(AirtixPrincipal caller, String alias, int page, int size) {
    Airline airline = airline(caller, "read", alias);
    List<StaffMember> items =
        people.members(airline, page * size, size).stream()
            .map(person -> member(airline, person))
            .toList();
    return new StaffPage(items, page, size, people.memberCount(airline));
  }

  StaffMember find(AirtixPrincipal caller, String alias, String userId) {
    Airline airline = airline(caller, "read", alias);
    return member(airline, member(airline, userId));
  }

  /**
   * What adding staff did: found the person among the staff with exactly these roles (200), or
   * invited them (202).
   */
  sealed interface Addition permits AlreadyStaff, Invited {}

  record AlreadyStaff(StaffMember member) implements Addition {}

  record Invited(StaffInvitation invitation) implements Addition {}

  /**
   * Invites the person: nobody becomes staff without their own act, whether or not the address has
   * an account (decision 0024). The roles apply when they accept.
   */
  Addition add(AirtixPrincipal caller, String alias, AddStaffRequest request) {
    Airline airline = airline(caller, "manage", alias);
    Optional<Person> existing = people.byEmail(request.email());
    if (existing.isPresent() && people.isMember(airline, existing.get().id())) {
      StaffMember member = member(airline, existing.get());
      if (!member.roles().equals(request.roles())) {
        throw new AlreadyStaffException(alias, member.id());
      }
      return new AlreadyStaff(member);
    }
    return new Invited(
        StaffInvitation.from(invitations.invite(airline, request.email(), request.roles())));
  }

  List<StaffInvitation> invitations(AirtixPrincipal caller, String alias) {
    Airline airline = airline(caller, "manage", alias);
    return invitations.pending(airline).stream().map(StaffInvitation::from).toList();
  }

  void revokeInvitation(AirtixPrincipal caller, String alias, String invitationId) {
    Airline airline = airline(caller, "manage", alias);
    invitations.revoke(
        airline,
        invitations
            .find(airline, invitationId)
            .orElseThrow(() -> new InvitationNotFoundException(alias, invitationId)));
  }

  /** Grants exactly these roles; a suspended member is reinstated with them. */
  StaffMember replaceRoles(
      AirtixPrincipal caller, String alias, String userId, StaffRolesRequest request) {
    Airline airline = airline(caller, "manage", alias);
    Person person = member(airline, userId);
    return locks.withLock(
        alias,
        () -> {
          if (!request.roles().contains(TENANT_ADMIN)) {
            requireAnotherTenantAdmin(alias, userId);
          }
          people.replaceGroups(userId, alias, request.roles());
          return member(airline, person);
        });
  }

  /**
   * Withdraws every role the person holds in the airline and keeps them as suspended staff; the
   * tokens that carried the roles stop working within seconds (Keycloak's event feeds every
   * service's deny-list). Their account, and whatever they do elsewhere, stays as it is.
   */
  StaffMember suspend(AirtixPrincipal caller, String alias, String userId) {
    Airline airline = airline(caller, "manage", alias);
    Person person = member(airline, userId);
    return locks.withLock(
        alias,
        () -> {
          requireAnotherTenantAdmin(alias, userId);
          people.replaceGroups(userId, alias, Set.of(AirtixRealm.SUSPENDED_GROUP));
          return member(airline, person);
        });
  }

  StaffMember setEnabled(AirtixPrincipal caller, String alias, String userId, boolean enabled) {
    Airline airline = airline(caller, "manage", alias);
    accountOfTheAirlineAlone(airline, userId);
    return locks.withLock(
        alias,
        () -> {
          if (!enabled) {
            requireAnotherTenantAdmin(alias, userId);
          }
          people.setEnabled(userId, enabled);
          return member(airline, member(airline, userId));
        });
  }

  List<StaffSession> sessions(AirtixPrincipal caller, String alias, String userId) {
    Airline airline = airline(caller, "manage", alias);
    accountOfTheAirlineAlone(airline, userId);
    return people.sessions(userId).stream().map(StaffSession::from).toList();
  }

  void endSessions(AirtixPrincipal caller, String alias, String userId) {
    Airline airline = airline(caller, "manage", alias);
    accountOfTheAirlineAlone(airline, userId);
    people.endSessions(userId);
  }

  void endSession(AirtixPrincipal caller, String alias, String userId, String sessionId) {
    Airline airline = airline(caller, "manage", alias);
    accountOfTheAirlineAlone(airline, userId);
    // only a session of this member: a session id of anyone else answers as if unknown
    boolean owned =
        people.sessions(userId).stream().anyMatch(session -> session.id().equals(sessionId));
    if (!owned) {
      throw new SessionNotFoundException(sessionId);
    }
    people.endSession(sessionId);
  }

  void remove(AirtixPrincipal caller, String alias, String userId) {
    Airline airline = airline(caller, "manage", alias);
    member(airline, userId);
    locks.withLock(
        alias,
        () -> {
          requireAnotherTenantAdmin(alias, userId);
          // roles first, membership last, for the same reason as in add: a repeated DELETE finishes
          // the job
          people.replaceGroups(userId, alias, Set.of());
          people.removeMember(airline, userId);
          return null;
        });
  }

  /** 403/404 per decision 0003, then the airline itself (404 when unknown). */
  private Airline airline(AirtixPrincipal caller, String action, String alias) {
    access.requireOnObject(
        caller, action, RESOURCE, alias, () -> new AirlineNotFoundException(alias));
    return airlines.require(alias);
  }

  private Person member(Airline airline, String userId) {
    if (!people.isMember(airline, userId)) {
      throw new StaffNotFoundException(airline.alias(), userId);
    }
    return people
        .byId(userId)
        .orElseThrow(() -> new StaffNotFoundException(airline.alias(), userId));
  }

  private StaffMember member(Airline airline, Person person) {
    return StaffMember.of(person, people.standing(person.id(), airline.alias()));
  }

  /**
   * The account-wide actions' guard: the person is a member of this airline (404 otherwise), and
   * their account serves it alone (403 otherwise).
   */
  private void accountOfTheAirlineAlone(Airline airline, String userId) {
    member(airline, userId);
    if (people.reachesBeyond(airline, userId)) {
      throw new AccountBeyondAirlineException(airline.alias(), userId);
    }
  }

  /**
   * Nothing to guard when the person is no enabled tenant admin; otherwise another enabled one must
   * remain.
   */
  private void requireAnotherTenantAdmin(String alias, String userId) {
    Set<String> admins = people.enabledTenantAdmins(alias);
    if (admins.contains(userId) && admins.size() == 1) {
      throw new LastTenantAdminException(alias);
    }
  }
}
