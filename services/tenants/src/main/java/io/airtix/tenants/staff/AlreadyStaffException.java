package io.airtix.tenants.staff;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * Adding someone who is staff already, with other roles: roles change through PUT .../roles, not a
 * second add.
 */
class AlreadyStaffException extends AirtixProblem {

  AlreadyStaffException(String alias, String userId) {
    super(
        HttpStatus.CONFLICT,
        ProblemTypes.of("already-staff"),
        "ALREADY_STAFF",
        "Already staff",
        "Person "
            + userId
            + " is staff of airline "
            + alias
            + " already, with other roles. Change them with PUT "
            + "/api/airlines/"
            + alias
            + "/staff/"
            + userId
            + "/roles.");
  }
}
