package io.airtix.tenants.staff;

import io.airtix.platform.problem.NotFoundProblem;

/** No open invitation with this id in this airline; another airline's invitation looks the same. */
class InvitationNotFoundException extends NotFoundProblem {

  InvitationNotFoundException(String alias, String invitationId) {
    super(
        "INVITATION_NOT_FOUND",
        "Airline " + alias + " has no open invitation " + invitationId + ".");
  }
}
