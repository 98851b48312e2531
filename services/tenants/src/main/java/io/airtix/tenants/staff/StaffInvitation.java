package io.airtix.tenants.staff;

import io.airtix.tenants.directory.Invitation;
import java.time.Instant;
import java.util.Set;

/** An open invitation as the staff API shows it. */
record StaffInvitation(
    String id, String email, Set<String> roles, String status, Instant sentAt, Instant expiresAt) {

  static StaffInvitation from(Invitation invitation) {
    return new StaffInvitation(
        invitation.id(),
        invitation.email(),
        Set.copyOf(invitation.roles()),
        invitation.status(),
        invitation.sentAt(),
        invitation.expiresAt());
  }
}
