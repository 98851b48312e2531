package io.airtix.platform.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The table of {@link AccessPolicyTests} documents every right the policy grants: each {@code p}
 * line, and each right a role inherits through a {@code g} line, has an "allow" row for a holder of
 * that role. AccessPolicyTests proves that every row is true; this proves that no right is missing
 * from the table, so a policy line added without its row fails the build.
 */
class AccessPolicyTableCoverageTests {

  private record Right(String role, String airline, String resource, String action) {

    @Override
    public String toString() {
      return role
          + " may "
          + action
          + " "
          + resource
          + " in "
          + ("*".equals(airline) ? "its airline" : airline);
    }
  }

  private record Row(
      String role,
      String roleAirline,
      String objectAirline,
      String resource,
      String action,
      String allowed) {

    /**
     * Whether the row shows a holder of {@code right}'s role using it where the policy grants it.
     */
    boolean documents(Right right) {
      boolean whereGranted =
          "*".equals(right.airline())
              ? objectAirline.equals(roleAirline) || "-".equals(roleAirline)
              : objectAirline.equals(right.airline());
      return role.equals(right.role())
          && resource.equals(right.resource())
          && action.equals(right.action())
          && whereGranted
          && "allow".equals(allowed);
    }
  }

  @Test
  void tableHasAnAllowRowForEveryRightOfThePolicyIncludingInheritedOnes() throws IOException {
    List<Right> rights = rightsOfThePolicy();
    List<Row> table = table();

    assertThat(rights).as("rights read from the policy").isNotEmpty();
    assertThat(rights)
        .as("rights of policies/policy.csv without an 'allow' row in access-policy-table.csv")
        .filteredOn(right -> table.stream().noneMatch(row -> row.documents(right)))
        .isEmpty();
  }

  @Test
  void expandsInheritanceSoTenantAdminsRightsIncludeTheAgents() throws IOException {
    assertThat(rightsOfThePolicy())
        .contains(
            new Right("tenant-admin", "*", "tickets", "delete"),
            new Right("tenant-admin", "*", "staff", "manage"));
  }

  @Test
  void givesAgentsTheirAirlinesOrdersAndPaymentsToReadAndTenantAdminsThroughThem()
      throws IOException {
    assertThat(rightsOfThePolicy())
        .contains(
            new Right("agent", "*", "orders", "read"),
            new Right("agent", "*", "payments", "read"),
            new Right("tenant-admin", "*", "orders", "read"),
            new Right("tenant-admin", "*", "payments", "read"))
        .filteredOn(right -> right.role().equals("agent"))
        .extracting(right -> right.resource() + " " + right.action())
        .doesNotContain("orders create", "orders cancel-own", "payments pay");
  }

  /**
   * Every p line, plus each p line of a role that another role inherits (g, heir, role, airline),
   * transitively.
   */
  private static List<Right> rightsOfThePolicy() throws IOException {
    List<Right> direct = new ArrayList<>();
    List<List<String>> inheritance = new ArrayList<>();
    for (List<String> cells : lines("policies/policy.csv")) {
      switch (cells.get(0)) {
        case "p" -> direct.add(new Right(cells.get(1), cells.get(2), cells.get(3), cells.get(4)));
        case "g" -> inheritance.add(cells);
        default -> throw new IllegalStateException("unexpected policy line " + cells);
      }
    }
    Set<Right> all = new LinkedHashSet<>(direct);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (List<String> link : inheritance) {
        String heir = link.get(1);
        String role = link.get(2);
        String airline = link.get(3);
        for (Right right : List.copyOf(all)) {
          if (right.role().equals(role)) {
            // an inheritance limited to one airline grants the right there only
            String where = "*".equals(airline) ? right.airline() : airline;
            grew |= all.add(new Right(heir, where, right.resource(), right.action()));
          }
        }
      }
    }
    return List.copyOf(all);
  }

  private static List<Row> table() throws IOException {
    return lines("access-policy-table.csv").stream()
        .map(
            cells ->
                new Row(
                    cells.get(0),
                    cells.get(1),
                    cells.get(2),
                    cells.get(3),
                    cells.get(4),
                    cells.get(5)))
        .toList();
  }

  private static List<List<String>> lines(String resource) throws IOException {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> List.of(line.split("\\s*,\\s*")))
          .toList();
    }
  }
}
