package io.airtix.tenants.staff;

/** Shapes of staff input, shared by the request records. */
final class StaffConstraints {

  /**
   * The tenant roles of decision 0002, as a pattern so that an unknown role is a field error like
   * any other.
   */
  static final String ROLE = "tenant-admin|agent|auditor";

  static final String ROLE_MESSAGE = "must be one of tenant-admin, agent, auditor";

  private StaffConstraints() {}
}
