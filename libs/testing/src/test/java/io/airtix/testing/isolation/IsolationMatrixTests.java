package io.airtix.testing.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** Reading a matrix and checking it against a service's endpoints, without a service. */
class IsolationMatrixTests {

  private static final Endpoint LIST = new Endpoint("GET", "/api/things");
  private static final Endpoint DELETE = new Endpoint("DELETE", "/api/things/{id}");

  @Test
  void readsRowsWithTheirLineNumbers() {
    IsolationMatrix matrix =
        IsolationMatrix.parse(
            "m.csv",
            """
        # what everyone gets
        method, path,             caller,  object, expect, sees

        DELETE, /api/things/{id}, agent-a, b,      404,    -
        GET,    /api/things,      auditor-a, none, 200,    a
        """);

    assertThat(matrix.rows())
        .containsExactly(
            new MatrixRow(DELETE, Caller.AGENT_OF_A, Owner.B, 404, Visibility.UNSTATED, 4),
            new MatrixRow(LIST, Caller.AUDITOR_OF_A, Owner.NONE, 200, Visibility.A, 5));
  }

  @Test
  void acceptsMatrixWithEveryCallerForEveryObjectOfEveryEndpoint() {
    IsolationMatrix matrix = IsolationMatrix.parse("m.csv", complete());

    assertThat(matrix.gapsAgainst(Set.of(LIST, DELETE))).isEmpty();
  }

  @Test
  void reportsEndpointWithoutRowsAndRowsOfMissingEndpoint() {
    IsolationMatrix matrix = IsolationMatrix.parse("m.csv", complete());
    Endpoint added = new Endpoint("PUT", "/api/things/{id}");

    assertThat(matrix.gapsAgainst(Set.of(LIST, added)))
        .anySatisfy(gap -> assertThat(gap).contains("no rows for PUT /api/things/{id}"))
        .anySatisfy(
            gap ->
                assertThat(gap).contains("DELETE /api/things/{id} is no endpoint of the service"));
    assertThatThrownBy(() -> matrix.assertCovers(Set.of(LIST, added)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no rows for PUT /api/things/{id}");
  }

  @Test
  void reportsMissingCallerAndMissingObject() {
    String withoutOneRow =
        complete().replace("DELETE, /api/things/{id}, platform-admin, b, 403, -\n", "");
    String withoutAirlineB =
        complete()
            .lines()
            .filter(line -> !line.contains("{id}") || !line.contains(", b,"))
            .reduce("", (all, line) -> all + line + "\n");

    assertThat(IsolationMatrix.parse("m.csv", withoutOneRow).gapsAgainst(Set.of(LIST, DELETE)))
        .containsExactly("m.csv: no row for platform-admin on DELETE /api/things/{id} of b");
    assertThat(IsolationMatrix.parse("m.csv", withoutAirlineB).gapsAgainst(Set.of(LIST, DELETE)))
        .hasSize(6);
  }

  @Test
  void reportsRepeatedRowAndObjectNoneOnEndpointAddressingAnObject() {
    String repeated =
        complete()
            + "GET, /api/things, customer, none, 200, nothing\n"
            + "DELETE, /api/things/{id}, customer, none, 403, -\n";

    assertThat(IsolationMatrix.parse("m.csv", repeated).gapsAgainst(Set.of(LIST, DELETE)))
        .anySatisfy(gap -> assertThat(gap).contains("repeats line"))
        .anySatisfy(gap -> assertThat(gap).contains("addresses an object in its path"));
  }

  @Test
  void requiresVisibilityExactlyOnSuccessfulReads() {
    String unstated =
        complete()
            .replace(
                "GET, /api/things, customer, none, 200, nothing",
                "GET, /api/things, customer, none, 200, -");
    String stated =
        complete()
            .replace(
                "DELETE, /api/things/{id}, customer, a, 403, -",
                "DELETE, /api/things/{id}, customer, a, 403, a");

    assertThat(IsolationMatrix.parse("m.csv", unstated).gapsAgainst(Set.of(LIST, DELETE)))
        .singleElement()
        .asString()
        .contains("must state whose data it shows");
    assertThat(IsolationMatrix.parse("m.csv", stated).gapsAgainst(Set.of(LIST, DELETE)))
        .singleElement()
        .asString()
        .contains("sees is only for successful GETs");
  }

  @Test
  void refusesMalformedLinesWithTheirNumber() {
    assertThatThrownBy(
            () -> IsolationMatrix.parse("m.csv", "GET, /api/things, customer, none, 200, -"))
        .hasMessageContaining("m.csv:1")
        .hasMessageContaining("header");
    assertThatThrownBy(
            () ->
                IsolationMatrix.parse(
                    "m.csv", IsolationMatrix.HEADER + "\nGET, /api/things, pilot, none, 200, -"))
        .hasMessageContaining("m.csv:2")
        .hasMessageContaining("unknown caller 'pilot'");
    assertThatThrownBy(
            () ->
                IsolationMatrix.parse(
                    "m.csv", IsolationMatrix.HEADER + "\nGET, /api/things, customer, none"))
        .hasMessageContaining("m.csv:2")
        .hasMessageContaining("expected 6 cells");
  }

  @Test
  void expandsPathTemplateWithEncodedValues() {
    Endpoint session =
        new Endpoint("DELETE", "/api/airlines/{alias}/staff/{userId}/sessions/{sessionId}");

    assertThat(session.variables()).containsExactly("alias", "userId", "sessionId");
    assertThat(session.expand(Map.of("alias", "aero", "userId", "u 1", "sessionId", "s/2")))
        .isEqualTo("/api/airlines/aero/staff/u%201/sessions/s%2F2");
    assertThatThrownBy(() -> session.expand(Map.of("alias", "aero")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void marksOnlySuccessfulChangesAsChangingTheirObject() {
    assertThat(
            new MatrixRow(DELETE, Caller.AGENT_OF_A, Owner.A, 204, Visibility.UNSTATED, 1)
                .changesItsObject())
        .isTrue();
    assertThat(
            new MatrixRow(DELETE, Caller.AGENT_OF_A, Owner.B, 404, Visibility.UNSTATED, 1)
                .changesItsObject())
        .isFalse();
    assertThat(
            new MatrixRow(LIST, Caller.AGENT_OF_A, Owner.NONE, 200, Visibility.A, 1)
                .changesItsObject())
        .isFalse();
  }

  /**
   * Both endpoints, every caller: the list for no airline, the deletion for objects of A and of B.
   */
  private static String complete() {
    StringJoiner lines = new StringJoiner("\n", IsolationMatrix.HEADER + "\n", "\n");
    for (Caller caller : Caller.values()) {
      lines.add(
          "GET, /api/things, "
              + caller.id()
              + ", none, 200, "
              + (caller.actsForA() ? "a" : "nothing"));
      lines.add(
          "DELETE, /api/things/{id}, "
              + caller.id()
              + ", a, "
              + (caller.actsForA() ? 204 : 403)
              + ", -");
      lines.add(
          "DELETE, /api/things/{id}, "
              + caller.id()
              + ", b, "
              + (caller.actsForA() ? 404 : 403)
              + ", -");
    }
    return lines.toString();
  }
}
