package io.airtix.testing.isolation;

import java.util.Map;

/**
 * What a scenario fills in to turn a matrix row into a real request. The path itself always comes
 * from the row's template, so a request can only reach the handler the row names.
 *
 * @param pathVariables a value for every variable of the template
 * @param query query string without {@code ?}, or null
 * @param body JSON body, or null
 */
public record MatrixRequest(Map<String, String> pathVariables, String query, String body) {

  public MatrixRequest {
    pathVariables = Map.copyOf(pathVariables);
  }

  public static MatrixRequest of(Map<String, String> pathVariables) {
    return new MatrixRequest(pathVariables, null, null);
  }

  public static MatrixRequest none() {
    return of(Map.of());
  }

  public MatrixRequest withQuery(String query) {
    return new MatrixRequest(pathVariables, query, body);
  }

  public MatrixRequest withBody(String body) {
    return new MatrixRequest(pathVariables, query, body);
  }
}
