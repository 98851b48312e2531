package io.airtix.testing.isolation;

import java.util.Arrays;

/**
 * The airline a matrix row is about: the owner of the object the request addresses ({@code
 * /api/tickets/{id}} of a ticket of B), the airline the request names ({@code POST /api/tickets}
 * with {@code "airline": B}), or none (a list of the whole service). Requests about people may also
 * address, through airline A's URLs, one of the people whose accounts reach beyond A.
 */
public enum Owner {
  A("a"),
  B("b"),
  NONE("none"),
  /** A person on the staff of airlines A and B. */
  STAFF_OF_A_AND_B("staff-of-a-and-b"),
  /** A platform admin who accepted an invitation to airline A's staff. */
  PLATFORM_ADMIN_ON_A("platform-admin-on-a"),
  /** A customer who is nobody's staff. */
  NOBODYS_STAFF("nobodys-staff");

  private final String id;

  Owner(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Owner of(String id) {
    return Arrays.stream(values())
        .filter(owner -> owner.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown object '"
                        + id
                        + "', expected a, b, none, staff-of-a-and-b, platform-admin-on-a or"
                        + " nobodys-staff"));
  }

  /** Whether this is one of the people addressed through airline A's URLs, not an airline. */
  public boolean isPerson() {
    return this == STAFF_OF_A_AND_B || this == PLATFORM_ADMIN_ON_A || this == NOBODYS_STAFF;
  }

  @Override
  public String toString() {
    return id;
  }
}
