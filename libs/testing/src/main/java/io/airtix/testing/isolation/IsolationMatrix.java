package io.airtix.testing.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A service's isolation matrix: for every endpoint, caller and airline of the object, the status
 * the service must answer, and for successful reads whose data the response shows. Read from a CSV
 * file that a reviewer reads as a table:
 *
 * <pre>
 * # comments and blank lines are ignored; the first other line is the header
 * method, path,              caller,    object, expect, sees
 * GET,    /api/tickets/{id}, agent-a,   b,      200,    b
 * PUT,    /api/tickets/{id}, agent-a,   b,      404,    -
 * </pre>
 *
 * {@link #assertCovers} checks the file against the endpoints the running service really has, so an
 * endpoint without its rows, or a row for an endpoint that is gone, fails the build; {@link #tests}
 * asks every row over HTTP.
 */
public final class IsolationMatrix {

  static final String HEADER = "method,path,caller,object,expect,sees";
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final String source;
  private final List<MatrixRow> rows;

  private IsolationMatrix(String source, List<MatrixRow> rows) {
    this.source = source;
    this.rows = List.copyOf(rows);
  }

  /**
   * Reads a matrix from the class path, e.g. {@code isolation-matrix.csv} in the service's test
   * resources.
   */
  public static IsolationMatrix fromClasspath(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no isolation matrix " + resource + " on the class path");
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read isolation matrix " + resource, e);
    }
  }

  /** Parses matrix text; a malformed line fails with its line number. */
  public static IsolationMatrix parse(String source, String text) {
    List<MatrixRow> rows = new ArrayList<>();
    boolean header = false;
    String[] lines = text.split("\\R", -1);
    for (int index = 0; index < lines.length; index++) {
      int line = index + 1;
      String content = lines[index].strip();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!content.replaceAll("\\s", "").equals(HEADER)) {
          throw new IllegalArgumentException(
              source
                  + ":"
                  + line
                  + ": the first line must be the header '"
                  + HEADER.replace(",", ", ")
                  + "'");
        }
        header = true;
        continue;
      }
      rows.add(row(source, line, content));
    }
    if (!header) {
      throw new IllegalArgumentException(
          source + " has no header line '" + HEADER.replace(",", ", ") + "'");
    }
    return new IsolationMatrix(source, rows);
  }

  private static MatrixRow row(String source, int line, String content) {
    String[] cells = content.split(",", -1);
    if (cells.length != 6) {
      throw new IllegalArgumentException(
          source + ":" + line + ": expected 6 cells (" + HEADER + "), found " + cells.length);
    }
    try {
      String method = cells[0].strip();
      if (!METHODS.contains(method)) {
        throw new IllegalArgumentException(
            "method '" + method + "' is none of " + new TreeSet<>(METHODS));
      }
      String path = cells[1].strip();
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path '" + path + "' must start with /");
      }
      return new MatrixRow(
          new Endpoint(method, path),
          Caller.of(cells[2].strip()),
          Owner.of(cells[3].strip()),
          Integer.parseInt(cells[4].strip()),
          Visibility.of(cells[5].strip()),
          line);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ":" + line + ": " + e.getMessage(), e);
    }
  }

  public List<MatrixRow> rows() {
    return rows;
  }

  /**
   * What keeps the matrix from describing exactly these endpoints, one message per gap; empty when
   * it does.
   *
   * <ul>
   *   <li>every row names an endpoint of the service, and no two rows the same endpoint, caller and
   *       object;
   *   <li>every endpoint has rows; one with a path variable addresses an object, so its rows are
   *       for objects a and b (and, for a request about a person, any of the people of {@link
   *       Owner#isPerson()}); one without is either a request about no airline ({@code none}) or
   *       names one (then a and b);
   *   <li>for every object of an endpoint, every caller has a row;
   *   <li>successful GETs state whose data they show, other rows leave {@code sees} at {@code -}.
   * </ul>
   */
  public List<String> gapsAgainst(Set<Endpoint> serviceEndpoints) {
    List<String> gaps = new ArrayList<>();
    Map<String, MatrixRow> seen = new HashMap<>();
    Map<Endpoint, Set<Owner>> objects = new TreeMap<>();
    for (MatrixRow row : rows) {
      String at = source + ":" + row.line() + ": ";
      if (!serviceEndpoints.contains(row.endpoint())) {
        gaps.add(at + row.endpoint() + " is no endpoint of the service");
        continue;
      }
      MatrixRow earlier =
          seen.putIfAbsent(row.endpoint() + " " + row.caller() + " " + row.object(), row);
      if (earlier != null) {
        gaps.add(
            at
                + "repeats line "
                + earlier.line()
                + " ("
                + row.caller()
                + " on "
                + row.endpoint()
                + " of "
                + row.object()
                + ")");
      }
      objects
          .computeIfAbsent(row.endpoint(), endpoint -> EnumSet.noneOf(Owner.class))
          .add(row.object());
      boolean successfulRead =
          "GET".equals(row.endpoint().method()) && row.status() >= 200 && row.status() < 300;
      if (successfulRead && row.sees() == Visibility.UNSTATED) {
        gaps.add(
            at + "a successful GET must state whose data it shows (sees: nothing, a, b or a+b)");
      }
      if (!successfulRead && row.sees() != Visibility.UNSTATED) {
        gaps.add(at + "sees is only for successful GETs; write -");
      }
    }
    for (Endpoint endpoint : new TreeSet<>(serviceEndpoints)) {
      Set<Owner> owners = objects.getOrDefault(endpoint, EnumSet.noneOf(Owner.class));
      if (owners.isEmpty()) {
        gaps.add(
            source + ": no rows for " + endpoint + " (every caller × objects a and b, or × none)");
        continue;
      }
      if (!endpoint.variables().isEmpty() && owners.contains(Owner.NONE)) {
        gaps.add(
            source
                + ": "
                + endpoint
                + " addresses an object in its path: its rows are for objects a and b, "
                + "not none");
      }
      if (owners.contains(Owner.A) || owners.contains(Owner.B)) {
        owners.add(Owner.A);
        owners.add(Owner.B);
      }
      for (Owner owner : owners) {
        for (Caller caller : Caller.values()) {
          if (!seen.containsKey(endpoint + " " + caller + " " + owner)) {
            gaps.add(
                source
                    + ": no row for "
                    + caller
                    + " on "
                    + endpoint
                    + (owner == Owner.NONE ? "" : " of " + owner));
          }
        }
      }
    }
    return gaps;
  }

  /**
   * Fails, listing every gap, unless the matrix describes exactly these endpoints (see {@link
   * #gapsAgainst}).
   */
  public void assertCovers(Set<Endpoint> serviceEndpoints) {
    List<String> gaps = gapsAgainst(serviceEndpoints);
    if (!gaps.isEmpty()) {
      throw new AssertionError(
          "The isolation matrix "
              + source
              + " does not match the service's endpoints "
              + new TreeSet<>(serviceEndpoints)
              + ":"
              + System.lineSeparator()
              + "  "
              + String.join(System.lineSeparator() + "  ", gaps));
    }
  }

  /**
   * One test per row, in file order, each sending the row's request to the service and checking
   * status and visibility; for a JUnit {@code @TestFactory}.
   */
  public Stream<DynamicTest> tests(URI service, IsolationScenario scenario) {
    MatrixCalls calls = new MatrixCalls(service, scenario);
    return rows.stream()
        .map(row -> DynamicTest.dynamicTest(row.toString(), () -> calls.check(row, source)));
  }
}
