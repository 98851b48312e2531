package io.airtix.tenants.staff;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * The change would leave the airline without an enabled tenant admin, and nobody could manage its
 * staff.
 */
class LastTenantAdminException extends AirtixProblem {

  LastTenantAdminException(String alias) {
    super(
        HttpStatus.CONFLICT,
        ProblemTypes.of("last-tenant-admin"),
        "LAST_TENANT_ADMIN",
        "Last tenant admin",
        "Airline "
            + alias
            + " would be left without an enabled tenant admin. Appoint another one first.");
  }
}
