package io.airtix.tenants.staff;

import io.airtix.tenants.directory.LoginSession;
import java.time.Instant;
import java.util.List;

/** A staff member's login session; {@code clients} names the applications used in it. */
record StaffSession(
    String id, String ipAddress, Instant started, Instant lastAccess, List<String> clients) {

  static StaffSession from(LoginSession session) {
    return new StaffSession(
        session.id(),
        session.ipAddress(),
        session.started(),
        session.lastAccess(),
        session.clients());
  }
}
