package io.airtix.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;

/**
 * Requests a service answers without a token. Declare one as a bean, e.g. {@code
 * PublicEndpoints.of("GET /api/tickets", "GET /api/tickets/**")}, or list them under {@code
 * airtix.security.public-endpoints}; all sources are combined. Everything not listed needs a valid
 * token.
 */
public final class PublicEndpoints {

  /** One public request pattern; {@code method} is null when any method is public. */
  public record Endpoint(HttpMethod method, String pattern) {

    static Endpoint parse(String declaration) {
      String trimmed = declaration.trim();
      int space = trimmed.indexOf(' ');
      if (space < 0) {
        return new Endpoint(null, requirePath(trimmed));
      }
      return new Endpoint(
          HttpMethod.valueOf(trimmed.substring(0, space).toUpperCase(java.util.Locale.ROOT)),
          requirePath(trimmed.substring(space + 1).trim()));
    }

    private static String requirePath(String pattern) {
      if (!pattern.startsWith("/")) {
        throw new IllegalArgumentException(
            "A public endpoint pattern must start with /: " + pattern);
      }
      return pattern;
    }
  }

  private final List<Endpoint> endpoints;

  private PublicEndpoints(List<Endpoint> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  public static PublicEndpoints of(String... declarations) {
    return of(List.of(declarations));
  }

  public static PublicEndpoints of(Collection<String> declarations) {
    List<Endpoint> endpoints = new ArrayList<>();
    declarations.forEach(declaration -> endpoints.add(Endpoint.parse(declaration)));
    return new PublicEndpoints(endpoints);
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  /** Those listed in the settings and those declared as beans, together. */
  public static List<Endpoint> all(
      Collection<String> configured, Stream<PublicEndpoints> declared) {
    List<Endpoint> all = new ArrayList<>(of(configured).endpoints());
    declared.forEach(endpoints -> all.addAll(endpoints.endpoints()));
    return List.copyOf(all);
  }
}
