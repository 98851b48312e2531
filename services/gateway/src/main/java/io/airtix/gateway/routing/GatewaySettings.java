package io.airtix.gateway.routing;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service lives and which API paths it owns. Every entry of {@code services} opens
 * {@code /api/<name>/**} on the gateway, so a new service is routed by adding one line of
 * configuration, e.g. {@code airtix.gateway.services.orders=http://localhost:8082}. A service whose
 * API is named after what it manages rather than after itself lists its path prefixes in {@code
 * paths} instead, e.g. {@code airtix.gateway.paths.tenants=/api/airlines}: each prefix {@code p}
 * opens {@code p} and {@code p/**}.
 *
 * <p>A segment of a prefix may be {@code *}, standing for any one segment, so a service can own
 * paths inside another service's prefix: <code>
 * airtix.gateway.paths.orders=/api/orders,/api/airlines/*&#47;orders</code> gives an airline's
 * orders to the orders service although the tenants service owns {@code /api/airlines}. The more
 * specific prefix wins, see {@link #pathsMostSpecificFirst()}.
 *
 * @param services base URL per service name
 * @param paths path prefixes per service name, replacing that service's {@code /api/<name>};
 *     entries for services without a base URL route nothing
 */
@ConfigurationProperties("airtix.gateway")
public record GatewaySettings(Map<String, URI> services, Map<String, List<String>> paths) {

  public GatewaySettings {
    services = services == null ? Map.of() : Map.copyOf(services);
    paths = paths == null ? Map.of() : Map.copyOf(paths);
    paths.forEach(GatewaySettings::requireWellFormed);
    requireEachPrefixOwnedOnce(services, paths);
  }

  /** The path prefixes of every routed service, by service name in alphabetical order. */
  public Map<String, List<String>> prefixesByService() {
    Map<String, List<String>> prefixes = new TreeMap<>();
    services.keySet().forEach(service -> prefixes.put(service, prefixesOf(service, paths)));
    return prefixes;
  }

  /**
   * Every routed prefix with its service, in the order the gateway must try them: a request goes to
   * the first that matches, so a prefix nested in another's (<code>/api/airlines/*&#47;orders
   * </code> in {@code /api/airlines}) comes before it. Most literal segments first, then most
   * segments; then by prefix, so the order never depends on the configuration's.
   */
  public List<OwnedPath> pathsMostSpecificFirst() {
    return prefixesByService().entrySet().stream()
        .flatMap(
            service ->
                service.getValue().stream().map(prefix -> new OwnedPath(service.getKey(), prefix)))
        .sorted(
            Comparator.comparingLong(OwnedPath::literalSegments)
                .reversed()
                .thenComparing(Comparator.comparingInt(OwnedPath::segments).reversed())
                .thenComparing(OwnedPath::prefix))
        .toList();
  }

  /** One path prefix a service owns, e.g. the tenants service's {@code /api/airlines}. */
  public record OwnedPath(String service, String prefix) {

    int segments() {
      return prefix.substring(1).split("/").length;
    }

    long literalSegments() {
      return Arrays.stream(prefix.substring(1).split("/"))
          .filter(segment -> !segment.equals("*"))
          .count();
    }
  }

  private static List<String> prefixesOf(String service, Map<String, List<String>> paths) {
    return paths.getOrDefault(service, List.of("/api/" + service));
  }

  private static void requireWellFormed(String service, List<String> prefixes) {
    if (prefixes.isEmpty()) {
      throw new IllegalArgumentException(
          "airtix.gateway.paths."
              + service
              + " is empty: name the service's path"
              + " prefixes, or leave the entry out for /api/"
              + service);
    }
    for (String prefix : prefixes) {
      if (!prefix.startsWith("/")
          || prefix.endsWith("/")
          || prefix.contains("{")
          || hasPartialWildcard(prefix)) {
        throw new IllegalArgumentException(
            "airtix.gateway.paths."
                + service
                + " holds '"
                + prefix
                + "': a path prefix starts with / and has no trailing /; its only wildcard is a whole segment *,"
                + " e.g. /api/airlines or /api/airlines/*/orders");
      }
    }
  }

  /**
   * {@code **} or {@code x*} would make the route's reach hard to see; a whole-segment {@code *} is
   * enough.
   */
  private static boolean hasPartialWildcard(String prefix) {
    return Arrays.stream(prefix.split("/", -1))
        .anyMatch(segment -> segment.contains("*") && !segment.equals("*"));
  }

  /**
   * Two services owning one prefix would make the route depend on the order of the configuration.
   */
  private static void requireEachPrefixOwnedOnce(
      Map<String, URI> services, Map<String, List<String>> paths) {
    Map<String, String> owners = new HashMap<>();
    for (String service : new TreeMap<>(services).keySet()) {
      for (String prefix : prefixesOf(service, paths)) {
        String earlier = owners.putIfAbsent(prefix, service);
        if (earlier != null) {
          throw new IllegalArgumentException(
              "Both the "
                  + earlier
                  + " and the "
                  + service
                  + " service claim "
                  + prefix
                  + ": give one of them other airtix.gateway.paths");
        }
      }
    }
  }
}
