package io.airtix.tenants.staff;

import io.airtix.platform.problem.NotFoundProblem;

/** No such session of this staff member, whether unknown or another person's. */
class SessionNotFoundException extends NotFoundProblem {

  SessionNotFoundException(String sessionId) {
    super("SESSION_NOT_FOUND", "No session " + sessionId + " of this staff member.");
  }
}
