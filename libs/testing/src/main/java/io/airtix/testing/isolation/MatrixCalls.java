package io.airtix.testing.isolation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the rows of a matrix to a running service with the scenario's tokens and checks the
 * answers.
 */
final class MatrixCalls {

  private static final int MIN_MARKER_LENGTH = 6;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI service;
  private final IsolationScenario scenario;
  // logging in is the costly part of a matrix: each caller once, whatever the number of rows
  private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

  MatrixCalls(URI service, IsolationScenario scenario) {
    this.service = service;
    this.scenario = scenario;
  }

  void check(MatrixRow row, String source) throws IOException, InterruptedException {
    MatrixRequest request = scenario.request(row);
    String path = row.endpoint().expand(request.pathVariables());
    URI uri = service.resolve(request.query() == null ? path : path + "?" + request.query());
    HttpResponse<String> response =
        HTTP.send(httpRequest(row, uri, request), HttpResponse.BodyHandlers.ofString());
    String at =
        source
            + ":"
            + row.line()
            + " ("
            + row
            + "): "
            + row.endpoint().method()
            + " "
            + uri.getRawPath();
    if (response.statusCode() != row.status()) {
      throw new AssertionError(
          at
              + " answered "
              + response.statusCode()
              + ", the matrix says "
              + row.status()
              + System.lineSeparator()
              + excerpt(response.body()));
    }
    if (row.sees() != Visibility.UNSTATED) {
      for (Owner airline : List.of(Owner.A, Owner.B)) {
        checkVisibility(row, airline, response.body(), at);
      }
    }
  }

  private void checkVisibility(MatrixRow row, Owner airline, String body, String at) {
    String marker = firstMarkerIn(body, airline);
    if (row.sees().shows(airline) && marker == null) {
      throw new AssertionError(
          at
              + " shows no data of airline "
              + airline
              + " (none of "
              + markers(airline)
              + "), the matrix says it sees "
              + row.sees()
              + System.lineSeparator()
              + excerpt(body));
    }
    if (!row.sees().shows(airline) && marker != null) {
      throw new AssertionError(
          at
              + " shows data of airline "
              + airline
              + " ('"
              + marker
              + "'), the matrix says it "
              + "sees "
              + row.sees()
              + System.lineSeparator()
              + excerpt(body));
    }
  }

  private HttpRequest httpRequest(MatrixRow row, URI uri, MatrixRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json")
            .method(
                row.endpoint().method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    if (request.body() != null) {
      builder.header("Content-Type", "application/json");
    }
    if (row.caller() != Caller.ANONYMOUS) {
      builder.header(
          "Authorization", "Bearer " + tokens.computeIfAbsent(row.caller(), scenario::accessToken));
    }
    return builder.build();
  }

  private String firstMarkerIn(String body, Owner airline) {
    return markers(airline).stream().filter(body::contains).findFirst().orElse(null);
  }

  /** The scenario's markers, refused when they could make the check pass or fail by accident. */
  private Set<String> markers(Owner airline) {
    Set<String> own = scenario.markersOf(airline);
    Set<String> other = scenario.markersOf(airline == Owner.A ? Owner.B : Owner.A);
    if (own.isEmpty()) {
      throw new IllegalStateException("the scenario names no markers of airline " + airline);
    }
    for (String marker : own) {
      if (marker.length() < MIN_MARKER_LENGTH) {
        throw new IllegalStateException(
            "marker '"
                + marker
                + "' of airline "
                + airline
                + " is shorter than "
                + MIN_MARKER_LENGTH
                + " characters and could occur by chance");
      }
      for (String foreign : other) {
        if (marker.contains(foreign) || foreign.contains(marker)) {
          throw new IllegalStateException(
              "markers '"
                  + marker
                  + "' and '"
                  + foreign
                  + "' of airlines A and B "
                  + "overlap: a response could show one airline's data and be taken for the other's");
        }
      }
    }
    return own;
  }

  private static String excerpt(String body) {
    return body.length() <= 600 ? body : body.substring(0, 600) + "…";
  }
}
