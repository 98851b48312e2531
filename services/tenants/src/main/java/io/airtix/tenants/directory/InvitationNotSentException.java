package io.airtix.tenants.directory;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * Keycloak could not mail an invitation (no or failing SMTP server); repeating the request is safe.
 */
public class InvitationNotSentException extends AirtixProblem {

  public InvitationNotSentException(String alias) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        ProblemTypes.UNAVAILABLE,
        "INVITATION_NOT_SENT",
        "Invitation not sent",
        "The invitation to airline " + alias + " could not be mailed. Try again shortly.");
  }
}
