package io.airtix.launcher.demo;

import io.airtix.keycloakclient.NewUser;
import java.util.Map;
import java.util.Set;

/**
 * A person in the demo data, with what the start-up summary tells about them.
 *
 * @param realmRoles platform roles, e.g. {@code platform-admin}; empty for everybody else
 * @param airline the airline they work for, {@code null} for the platform admin and a traveller
 * @param tenantRole what they are in that airline: {@code tenant-admin} or {@code agent}
 * @param role what they do, as a reader would say it
 */
public record DemoAccount(
    String username,
    String email,
    String firstName,
    String lastName,
    Set<String> realmRoles,
    String airline,
    String tenantRole,
    String role) {

  /**
   * Documented in the README and printed at every start: these accounts exist for trying Airtix
   * out.
   */
  public static final String PASSWORD = "Demo-Passw0rd-2026!";

  public DemoAccount {
    realmRoles = Set.copyOf(realmRoles);
  }

  /**
   * The account as Keycloak's admin API creates it: a person with a password and their platform
   * roles, but without any airline. Airlines take their staff on through the tenants service, as
   * they do outside the demo.
   */
  public NewUser toNewUser() {
    return new NewUser(username, email, firstName, lastName, PASSWORD, realmRoles, Map.of());
  }

  public boolean isAgent() {
    return "agent".equals(tenantRole);
  }

  public boolean isTenantAdmin() {
    return "tenant-admin".equals(tenantRole);
  }

  static DemoAccount platformAdmin(String firstName, String lastName) {
    return new DemoAccount(
        "platform-admin",
        "platform-admin@airtix.test",
        firstName,
        lastName,
        Set.of("platform-admin"),
        null,
        null,
        "platform admin: creates airlines and their first tenant admin");
  }

  static DemoAccount staff(
      String airline, String tenantRole, String firstName, String lastName, String role) {
    String username = airline + "-" + tenantRole.replace("tenant-", "");
    return new DemoAccount(
        username,
        username + "@" + airline + ".airtix.test",
        firstName,
        lastName,
        Set.of(),
        airline,
        tenantRole,
        role);
  }

  static DemoAccount traveller(String username, String firstName, String lastName) {
    return new DemoAccount(
        username, username + "@airtix.test", firstName, lastName, Set.of(), null, null, "customer");
  }
}
