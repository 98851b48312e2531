package io.airtix.testing.openapi;

import java.util.Map;

/**
 * A request an operation answers with success: the fuzzer's starting point, and the contract's
 * proof that the operation works as described.
 *
 * @param path with the query, e.g. {@code /api/tickets?origin=LUX}
 * @param token a bearer token allowed to call it, or null for a public operation
 * @param body JSON, or null
 * @param headers besides the token's, e.g. a webhook's signature
 */
public record ValidCall(
    String method, String path, String token, String body, Map<String, String> headers) {

  public ValidCall(String method, String path, String token, String body) {
    this(method, path, token, body, Map.of());
  }

  public static ValidCall get(String path, String token) {
    return new ValidCall("GET", path, token, null);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
