package io.airtix.keycloakclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Direct requests to a realm's token endpoint: the grants that need no login page. */
public final class TokenEndpoint {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenEndpoint() {}

  /**
   * Trades a refresh token for new tokens, as a public client does. The realm rotates refresh
   * tokens, so each one works once.
   *
   * @throws LoginFailedException when Keycloak refuses, e.g. {@code invalid_grant} for a refresh
   *     token used twice
   */
  public static Tokens refresh(
      URI keycloakBaseUrl, String realm, String clientId, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", clientId);
    form.put("refresh_token", refreshToken);
    return request(
        HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), keycloakBaseUrl, realm, form);
  }

  /**
   * Trades an authorization code for tokens, as a public client with PKCE does after the login
   * redirect.
   *
   * @param verifier the {@link Pkce#verifier()} whose challenge the authorization request sent
   * @throws LoginFailedException when Keycloak refuses, e.g. {@code invalid_grant} for a code used
   *     twice
   */
  public static Tokens authorizationCode(
      URI keycloakBaseUrl,
      String realm,
      String clientId,
      URI redirectUri,
      String code,
      String verifier) {
    return authorizationCode(
        HttpClient.newBuilder().connectTimeout(TIMEOUT).build(),
        keycloakBaseUrl,
        realm,
        clientId,
        redirectUri,
        code,
        verifier);
  }

  static Tokens authorizationCode(
      HttpClient client,
      URI keycloakBaseUrl,
      String realm,
      String clientId,
      URI redirectUri,
      String code,
      String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("redirect_uri", redirectUri.toString());
    form.put("code", code);
    form.put("code_verifier", verifier);
    return request(client, keycloakBaseUrl, realm, form);
  }

  /**
   * The client-credentials grant of a confidential client with a service account, as services
   * obtain their own tokens.
   */
  public static Tokens clientCredentials(
      URI keycloakBaseUrl, String realm, String clientId, String clientSecret) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    return request(
        HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), keycloakBaseUrl, realm, form);
  }

  /**
   * Signs the session of a refresh token out, as a public client's "sign out" does: Keycloak ends
   * the session and tells Airtix (its {@code session.ended} event).
   *
   * @throws LoginFailedException when Keycloak refuses, e.g. for a session that ended already
   */
  public static void logout(
      URI keycloakBaseUrl, String realm, String clientId, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", clientId);
    form.put("refresh_token", refreshToken);
    HttpResponse<String> response =
        send(
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build(),
            HttpRequest.newBuilder(endpoint(keycloakBaseUrl, realm, "logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form))));
    if (response.statusCode() != 204) {
      throw new LoginFailedException(
          "http_" + response.statusCode(),
          "Keycloak's logout endpoint answered " + response.statusCode() + ": " + response.body());
    }
  }

  /**
   * {@code <base>/realms/<realm>/protocol/openid-connect/<name>}, e.g. {@code auth} or {@code
   * token}.
   */
  public static URI endpoint(URI keycloakBaseUrl, String realm, String name) {
    String base = keycloakBaseUrl.toString().replaceAll("/+$", "");
    return URI.create(base + "/realms/" + realm + "/protocol/openid-connect/" + name);
  }

  static Tokens request(
      HttpClient client, URI keycloakBaseUrl, String realm, Map<String, String> form) {
    HttpResponse<String> response =
        send(
            client,
            HttpRequest.newBuilder(endpoint(keycloakBaseUrl, realm, "token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form))));
    JsonNode body = json(response.body());
    if (response.statusCode() != 200) {
      String error = body.path("error").asText("http_" + response.statusCode());
      throw new LoginFailedException(
          error,
          "Keycloak's token endpoint answered "
              + response.statusCode()
              + " "
              + error
              + ": "
              + body.path("error_description").asText("(no description)"));
    }
    return new Tokens(
        body.path("access_token").asText(null),
        body.path("refresh_token").asText(null),
        body.path("id_token").asText(null));
  }

  static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak could not be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while talking to Keycloak", e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      // an HTML error page instead of JSON: say so rather than fail on parsing
      return JSON.createObjectNode().put("error", "not_json").put("error_description", body);
    }
  }
}
