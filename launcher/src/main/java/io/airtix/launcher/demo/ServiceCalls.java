package io.airtix.launcher.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON to and from a service's API with a person's bearer token, the way the web apps call the
 * services.
 */
final class ServiceCalls {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  HttpResponse<String> get(URI uri, String accessToken) {
    return send(HttpRequest.newBuilder(uri).GET(), uri, accessToken);
  }

  HttpResponse<String> post(URI uri, Object body, String accessToken) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json.writeValueAsString(body))),
        uri,
        accessToken);
  }

  JsonNode read(HttpResponse<String> response) {
    return json.readTree(response.body());
  }

  static IllegalStateException unexpected(String call, HttpResponse<String> response) {
    return new IllegalStateException(
        call + " answered " + response.statusCode() + ": " + response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, URI uri, String accessToken) {
    try {
      return http.send(
          request
              .header("Authorization", "Bearer " + accessToken)
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(30))
              .build(),
          BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "The service at " + uri + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + uri, e);
    }
  }
}
