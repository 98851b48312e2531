package io.airtix.tenants.staff;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * An account-wide action (disable, enable, see or end sessions) on a person whose account is not
 * the airline's alone: a platform admin, or staff of another airline too. The airline may still
 * change the person's standing in it: roles, suspension, membership (decision 0024).
 */
class AccountBeyondAirlineException extends AirtixProblem {

  AccountBeyondAirlineException(String alias, String userId) {
    super(
        HttpStatus.FORBIDDEN,
        ProblemTypes.of("account-beyond-airline"),
        "ACCOUNT_BEYOND_AIRLINE",
        "Account beyond the airline",
        "The account of "
            + userId
            + " serves more than airline "
            + alias
            + ", so its sign-in and sessions are not the airline's to change. Suspend the person in "
            + alias
            + " instead: POST /api/airlines/"
            + alias
            + "/staff/"
            + userId
            + "/suspend.");
  }
}
