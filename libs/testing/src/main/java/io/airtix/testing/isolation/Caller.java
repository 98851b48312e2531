package io.airtix.testing.isolation;

import java.util.Arrays;

/**
 * The six kinds of caller every row of an isolation matrix is written for. Tenant roles are held in
 * airline A only, so every answer about airline B shows whether a role of A reaches into B.
 */
public enum Caller {

  /** No token at all. */
  ANONYMOUS("anonymous"),
  /** A traveller: the realm's default roles, no airline. */
  CUSTOMER("customer"),
  AGENT_OF_A("agent-a"),
  TENANT_ADMIN_OF_A("tenant-admin-a"),
  AUDITOR_OF_A("auditor-a"),
  /** An operator of the platform: realm role {@code platform-admin}, no airline. */
  PLATFORM_ADMIN("platform-admin");

  private final String id;

  Caller(String id) {
    this.id = id;
  }

  /** The name used in matrix files, e.g. {@code tenant-admin-a}. */
  public String id() {
    return id;
  }

  /** Whether the caller holds a tenant role in airline A. */
  public boolean actsForA() {
    return this == AGENT_OF_A || this == TENANT_ADMIN_OF_A || this == AUDITOR_OF_A;
  }

  public static Caller of(String id) {
    return Arrays.stream(values())
        .filter(caller -> caller.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown caller '"
                        + id
                        + "', expected one of "
                        + Arrays.stream(values()).map(Caller::id).toList()));
  }

  @Override
  public String toString() {
    return id;
  }
}
