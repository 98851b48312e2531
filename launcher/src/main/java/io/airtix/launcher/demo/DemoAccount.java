package io.airtix.launcher.demo;

import io.airtix.keycloakclient.NewUser;
import java.util.Map;
import java.util.Set;

/**
 * A person in the demo data, with what the start-up summary tells about them.
 *
 * @param airline the airline they work for, {@code null} for a traveller
 * @param role what they do, as a reader would say it
 */
public record DemoAccount(String username, String email, String firstName, String lastName, String airline,
    String tenantRole, String role) {

  /** Documented in the README and printed at every start: these accounts exist for trying Airtix out. */
  public static final String PASSWORD = "Demo-Passw0rd-2026!";

  public NewUser toNewUser() {
    Map<String, Set<String>> airlineRoles = airline == null ? Map.of() : Map.of(airline, Set.of(tenantRole));
    return new NewUser(username, email, firstName, lastName, PASSWORD, Set.of(), airlineRoles);
  }

  public boolean isAgent() {
    return "agent".equals(tenantRole);
  }

  static DemoAccount staff(String airline, String tenantRole, String firstName, String lastName, String role) {
    String username = airline + "-" + tenantRole.replace("tenant-", "");
    return new DemoAccount(username, username + "@" + airline + ".airtix.test", firstName, lastName, airline,
        tenantRole, role);
  }

  static DemoAccount traveller(String username, String firstName, String lastName) {
    return new DemoAccount(username, username + "@airtix.test", firstName, lastName, null, null, "customer");
  }
}
