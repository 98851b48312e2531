package io.airtix.tenants.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.keycloakclient.AirtixRealm;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StaffConstraintsTests {

  @Test
  void acceptsExactlyTheTenantRolesOfTheRealm() {
    Pattern role = Pattern.compile(StaffConstraints.ROLE);
    Set<String> accepted = new TreeSet<>();
    for (String candidate :
        Set.of(
            "tenant-admin",
            "agent",
            "auditor",
            "platform-admin",
            "customer",
            "Agent",
            "agent ",
            "tenant-admin|agent",
            "")) {
      if (role.matcher(candidate).matches()) {
        accepted.add(candidate);
      }
    }

    assertThat(accepted).isEqualTo(new TreeSet<>(AirtixRealm.TENANT_ROLES));
  }
}
