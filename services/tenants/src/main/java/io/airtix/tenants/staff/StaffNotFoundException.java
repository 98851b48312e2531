package io.airtix.tenants.staff;

import io.airtix.platform.problem.NotFoundProblem;

/** Not a member of this airline: unknown person and another airline's member look the same. */
class StaffNotFoundException extends NotFoundProblem {

  StaffNotFoundException(String alias, String userId) {
    super("STAFF_NOT_FOUND", "Airline " + alias + " has no staff member " + userId + ".");
  }
}
