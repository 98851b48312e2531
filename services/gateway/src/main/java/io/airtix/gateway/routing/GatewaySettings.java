package io.airtix.gateway.routing;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service lives and which API paths it owns. Every entry of {@code services} opens {@code /api/<name>/**}
 * on the gateway, so a new service is routed by adding one line of configuration, e.g.
 * {@code airtix.gateway.services.orders=http://localhost:8082}. A service whose API is named after what it manages
 * rather than after itself lists its path prefixes in {@code paths} instead, e.g.
 * {@code airtix.gateway.paths.tenants=/api/airlines}: each prefix {@code p} opens {@code p} and {@code p/**}.
 *
 * @param services base URL per service name
 * @param paths path prefixes per service name, replacing that service's {@code /api/<name>}; entries for services
 *     without a base URL route nothing
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

  private static List<String> prefixesOf(String service, Map<String, List<String>> paths) {
    return paths.getOrDefault(service, List.of("/api/" + service));
  }

  private static void requireWellFormed(String service, List<String> prefixes) {
    if (prefixes.isEmpty()) {
      throw new IllegalArgumentException("airtix.gateway.paths." + service + " is empty: name the service's path"
          + " prefixes, or leave the entry out for /api/" + service);
    }
    for (String prefix : prefixes) {
      if (!prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("*") || prefix.contains("{")) {
        throw new IllegalArgumentException("airtix.gateway.paths." + service + " holds '" + prefix
            + "': a path prefix starts with / and has neither a trailing / nor wildcards, e.g. /api/airlines");
      }
    }
  }

  /** Two services owning one prefix would make the route depend on the order of the configuration. */
  private static void requireEachPrefixOwnedOnce(Map<String, URI> services, Map<String, List<String>> paths) {
    Map<String, String> owners = new HashMap<>();
    for (String service : new TreeMap<>(services).keySet()) {
      for (String prefix : prefixesOf(service, paths)) {
        String earlier = owners.putIfAbsent(prefix, service);
        if (earlier != null) {
          throw new IllegalArgumentException("Both the " + earlier + " and the " + service + " service claim "
              + prefix + ": give one of them other airtix.gateway.paths");
        }
      }
    }
  }
}
