package io.airtix.keycloakclient;

import java.net.CookieHandler;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The cookie jar of one browserless login.
 *
 * <p>Keycloak marks its login cookies {@code Secure} even on plain-HTTP {@code localhost}, which
 * browsers accept (localhost is a trustworthy origin) but the JDK's {@link java.net.CookieManager}
 * does not: it would silently drop them and Keycloak would answer "cookie not found". A login talks
 * to one Keycloak for a few seconds, so a jar that keeps the last value of each cookie per host and
 * port is all that is needed.
 */
final class LoginCookies extends CookieHandler {

  private final Map<String, Map<String, String>> cookiesByOrigin = new ConcurrentHashMap<>();

  @Override
  public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
    Map<String, String> cookies = cookiesByOrigin.getOrDefault(origin(uri), Map.of());
    if (cookies.isEmpty()) {
      return Map.of();
    }
    String header =
        cookies.entrySet().stream()
            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
            .collect(Collectors.joining("; "));
    return Map.of("Cookie", List.of(header));
  }

  @Override
  public void put(URI uri, Map<String, List<String>> responseHeaders) {
    responseHeaders.forEach(
        (name, values) -> {
          if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
            values.forEach(value -> remember(uri, value));
          }
        });
  }

  void remember(URI uri, String setCookie) {
    String[] parts = setCookie.split(";");
    int equals = parts[0].indexOf('=');
    if (equals <= 0) {
      return;
    }
    String name = parts[0].substring(0, equals).strip();
    String value = parts[0].substring(equals + 1).strip();
    boolean expired = value.isEmpty() || value.equals("\"\"");
    for (int i = 1; i < parts.length; i++) {
      String attribute = parts[i].strip().toLowerCase();
      if (attribute.equals("max-age=0")
          || attribute.startsWith("expires=thu, 01 jan 1970")
          || attribute.startsWith("expires=thu, 01-jan-1970")) {
        expired = true;
      }
    }
    Map<String, String> cookies =
        cookiesByOrigin.computeIfAbsent(origin(uri), origin -> new ConcurrentHashMap<>());
    if (expired) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }

  private static String origin(URI uri) {
    return uri.getHost().toLowerCase() + ":" + uri.getPort();
  }
}
