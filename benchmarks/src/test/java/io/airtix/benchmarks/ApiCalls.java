package io.airtix.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The setup's calls to the services' APIs with a person's bearer token, as the web apps make them.
 */
final class ApiCalls {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * POSTs the body and returns the answer's JSON, failing on any status outside {@code expected}.
   */
  JsonNode post(URI uri, Object body, String accessToken, Set<Integer> expected) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + accessToken)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    HttpResponse<String> response = send(request);
    if (!expected.contains(response.statusCode())) {
      throw new IllegalStateException(
          "POST " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
  }

  String write(Object body) {
    return json.writeValueAsString(body);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
    }
  }
}
