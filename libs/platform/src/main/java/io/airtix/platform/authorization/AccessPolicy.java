package io.airtix.platform.authorization;

import io.airtix.platform.problem.ForbiddenProblem;
import io.airtix.platform.security.AirtixPrincipal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.casbin.jcasbin.main.SyncedEnforcer;

/**
 * Asks the casbin policy what a caller may do, and applies the tenancy rule every service shares:
 *
 * <ul>
 *   <li>a caller who may not do the action in <em>any</em> airline gets 403 Forbidden;
 *   <li>a caller who may do it somewhere, but not in the airline owning an existing object, gets
 *       404 Not Found: objects of other airlines are invisible, not forbidden;
 *   <li>there is nothing to hide when no object exists yet (creation), so a caller who may not
 *       create in the named airline gets 403.
 * </ul>
 *
 * For each request the caller's roles held in the airline concerned are asked, plus its platform
 * roles (which hold in every airline). A role held in airline A is never asked about airline B, and
 * only the tenant roles the policy knows count: a group {@code /airlines/x/platform-admin} or
 * {@code /airlines/x/suspended} grants nothing.
 */
public class AccessPolicy {

  /** Domain used for platform-wide questions, e.g. creating an airline. */
  public static final String ANY_AIRLINE = "*";

  private final SyncedEnforcer enforcer;
  private final Set<String> tenantRoles;

  public AccessPolicy(SyncedEnforcer enforcer) {
    this.enforcer = enforcer;
    this.tenantRoles = tenantRolesOf(enforcer);
  }

  /**
   * The roles the policy grants rights to or lets inherit, less the platform roles: those a group
   * {@code /airlines/<airline>/<role>} may carry.
   */
  public Set<String> tenantRoles() {
    return tenantRoles;
  }

  private static Set<String> tenantRolesOf(SyncedEnforcer enforcer) {
    Set<String> roles = new TreeSet<>(enforcer.getAllSubjects());
    roles.addAll(enforcer.getAllRoles());
    roles.removeAll(AirtixPrincipal.PLATFORM_ROLES);
    return Set.copyOf(roles);
  }

  /** Whether the caller may do {@code action} on {@code resource} belonging to {@code airline}. */
  public boolean allows(AirtixPrincipal caller, String action, String resource, String airline) {
    for (String role : caller.platformRoles()) {
      if (enforce(role, airline, resource, action)) {
        return true;
      }
    }
    if (ANY_AIRLINE.equals(airline)) {
      return false;
    }
    for (String role : caller.rolesIn(airline)) {
      if (tenantRoles.contains(role) && enforce(role, airline, resource, action)) {
        return true;
      }
    }
    return false;
  }

  // SyncedEnforcer lets enforce() calls overlap under its read lock, but with a domain pattern ("*"
  // in g lines) jcasbin builds an airline's role links lazily and writes shared maps while doing
  // so: concurrent reservations of the orders service failed with ConcurrentModificationException.
  // One question at a time (~15 µs each).
  private boolean enforce(String role, String airline, String resource, String action) {
    synchronized (enforcer) {
      return enforcer.enforce(role, airline, resource, action);
    }
  }

  /** Whether the caller may do the action in at least one airline (or platform-wide). */
  public boolean allowsSomewhere(AirtixPrincipal caller, String action, String resource) {
    if (allows(caller, action, resource, ANY_AIRLINE)) {
      return true;
    }
    return caller.airlines().stream()
        .anyMatch(airline -> allows(caller, action, resource, airline));
  }

  /**
   * Airlines in which the caller's tenant roles allow the action, for filtering lists to what the
   * caller may see. Platform roles are not expanded into airlines here.
   */
  public Set<String> airlinesAllowing(AirtixPrincipal caller, String action, String resource) {
    Set<String> airlines = new LinkedHashSet<>();
    caller.airlines().stream()
        .filter(airline -> allows(caller, action, resource, airline))
        .forEach(airlines::add);
    return airlines;
  }

  /** For actions that create: 403 unless the caller may act in {@code airline}. */
  public void require(AirtixPrincipal caller, String action, String resource, String airline) {
    if (!allows(caller, action, resource, airline)) {
      throw new ForbiddenProblem(
          "You may not " + action + " " + resource + " of airline " + airline + ".");
    }
  }

  /**
   * 403 unless the caller may do the action in some airline; use it before looking an object up.
   */
  public void requireSomewhere(AirtixPrincipal caller, String action, String resource) {
    if (!allowsSomewhere(caller, action, resource)) {
      throw new ForbiddenProblem("You may not " + action + " " + resource + ".");
    }
  }

  /**
   * For actions on an existing object owned by {@code owningAirline}: 403 when the caller may not
   * do the action anywhere, the service's own not-found exception when only in other airlines.
   */
  public void requireOnObject(
      AirtixPrincipal caller,
      String action,
      String resource,
      String owningAirline,
      Supplier<? extends RuntimeException> notFound) {
    if (allows(caller, action, resource, owningAirline)) {
      return;
    }
    if (allowsSomewhere(caller, action, resource)) {
      throw notFound.get();
    }
    throw new ForbiddenProblem("You may not " + action + " " + resource + ".");
  }
}
