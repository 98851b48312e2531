package io.airtix.testing.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to a running service, with a bearer token or none, as the services' tests call
 * them.
 */
public class ServiceHttp {

  private static final JsonMapper json = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();

  private final String baseUrl;

  public ServiceHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public ServiceHttp(int port) {
    this("http://localhost:" + port);
  }

  public Reply send(String method, String path, String token, String body) throws Exception {
    return sendRaw(method, path, token, body == null ? null : "application/json", body);
  }

  /**
   * Any body with any content type, e.g. a text body where JSON belongs; {@code contentType} null
   * sends none.
   */
  public Reply sendRaw(String method, String path, String token, String contentType, String body)
      throws Exception {
    return sendRaw(method, path, token, contentType, body, Map.of());
  }

  /** The same with more headers, e.g. a webhook's signature. */
  public Reply sendRaw(
      String method,
      String path,
      String token,
      String contentType,
      String body,
      Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        request(path)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Accept", "application/json, application/problem+json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return send(request);
  }

  /** A request to {@code path} of the service, for calls that are not plain JSON with a token. */
  protected HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path));
  }

  protected Reply send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode parsed = json.missingNode();
    if (!response.body().isBlank()) {
      try {
        parsed = json.readTree(response.body());
      } catch (JacksonException notJson) {
        // the raw body stays in the reply, for a test to see what came instead of JSON
      }
    }
    return new Reply(response.statusCode(), response, parsed);
  }

  public record Reply(int status, HttpResponse<String> response, JsonNode body) {

    public String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }

    /** The problem type's last segment, e.g. {@code ticket-unavailable}. */
    public String problem() {
      String type = body.path("type").asString();
      return type.substring(type.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
      return status + " " + response.body();
    }
  }
}
