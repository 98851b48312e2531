package io.airtix.testing.isolation;

import java.util.Arrays;

/**
 * The airline a matrix row is about: the owner of the object the request addresses ({@code
 * /api/tickets/{id}} of a ticket of B), the airline the request names ({@code POST /api/tickets}
 * with {@code "airline": B}), or none (a list of the whole service).
 */
public enum Owner {
  A("a"),
  B("b"),
  NONE("none");

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
                new IllegalArgumentException("unknown object '" + id + "', expected a, b or none"));
  }

  @Override
  public String toString() {
    return id;
  }
}
