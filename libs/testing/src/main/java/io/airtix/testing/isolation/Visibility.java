package io.airtix.testing.isolation;

import java.util.Arrays;

/**
 * Whose data a successful read shows, the {@code sees} column of a matrix: checked against the
 * response text with strings that only airline A's or only airline B's data contains (see {@link
 * IsolationScenario#markersOf}).
 */
public enum Visibility {

  /** Not a successful read: nothing to check. */
  UNSTATED("-"),
  NOTHING("nothing"),
  A("a"),
  B("b"),
  A_AND_B("a+b");

  private final String id;

  Visibility(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Whether the response must show data of the airline; when false it must show none of it. */
  public boolean shows(Owner airline) {
    return switch (airline) {
      case A -> this == A || this == A_AND_B;
      case B -> this == B || this == A_AND_B;
      default -> false;
    };
  }

  public static Visibility of(String id) {
    return Arrays.stream(values())
        .filter(visibility -> visibility.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown sees '" + id + "', expected -, nothing, a, b or a+b"));
  }

  @Override
  public String toString() {
    return id;
  }
}
