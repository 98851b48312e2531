package io.airtix.platform.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caller of a request, as its access token describes it. Role assignments live in Keycloak;
 * this is a read-only view of them for one request.
 *
 * @param userId the token's {@code sub}
 * @param username {@code preferred_username}
 * @param email {@code email}, may be null
 * @param sessionId {@code sid}, may be null (client-credentials tokens have none)
 * @param platformRoles the caller's realm roles that Airtix knows: {@code platform-admin}, {@code
 *     customer}
 * @param airlineRoles airline id to the tenant roles held there, from groups {@code
 *     /airlines/<airline>/<role>}
 */
public record AirtixPrincipal(
    String userId,
    String username,
    String email,
    String sessionId,
    Set<String> platformRoles,
    Map<String, Set<String>> airlineRoles) {

  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String CUSTOMER = "customer";
  public static final Set<String> PLATFORM_ROLES = Set.of(PLATFORM_ADMIN, CUSTOMER);

  // Keycloak emits full group paths; anything that is not exactly /airlines/<airline>/<role> is
  // some other kind of group and says nothing about airline roles.
  private static final Pattern AIRLINE_GROUP =
      Pattern.compile("^/airlines/([a-z0-9][a-z0-9-]*)/([a-z][a-z0-9-]*)$");

  public AirtixPrincipal {
    platformRoles = Set.copyOf(platformRoles);
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    airlineRoles.forEach((airline, roles) -> copy.put(airline, Set.copyOf(roles)));
    airlineRoles = java.util.Collections.unmodifiableMap(copy);
  }

  /** Reads the claims of a Keycloak access token. */
  public static AirtixPrincipal fromClaims(Map<String, Object> claims) {
    Set<String> platformRoles = new LinkedHashSet<>();
    if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
        && realmAccess.get("roles") instanceof Collection<?> roles) {
      roles.stream()
          .map(String::valueOf)
          .filter(PLATFORM_ROLES::contains)
          .forEach(platformRoles::add);
    }
    Map<String, Set<String>> airlineRoles = new LinkedHashMap<>();
    if (claims.get("groups") instanceof Collection<?> groups) {
      for (Object group : groups) {
        Matcher matcher = AIRLINE_GROUP.matcher(String.valueOf(group));
        if (matcher.matches()) {
          airlineRoles
              .computeIfAbsent(matcher.group(1), airline -> new LinkedHashSet<>())
              .add(matcher.group(2));
        }
      }
    }
    return new AirtixPrincipal(
        string(claims, "sub"),
        string(claims, "preferred_username"),
        string(claims, "email"),
        string(claims, "sid"),
        platformRoles,
        airlineRoles);
  }

  /** Tenant roles held in one airline; empty when none. */
  public Set<String> rolesIn(String airline) {
    return airlineRoles.getOrDefault(airline, Set.of());
  }

  /** Airlines in which the caller holds at least one tenant role. */
  public Set<String> airlines() {
    return airlineRoles.keySet();
  }

  public boolean hasPlatformRole(String role) {
    return platformRoles.contains(role);
  }

  /**
   * Every role as {@code role} (platform) or {@code airline:role} (tenant), for logs and
   * authorities.
   */
  public List<String> describeRoles() {
    List<String> all = new java.util.ArrayList<>(platformRoles);
    airlineRoles.forEach((airline, roles) -> roles.forEach(role -> all.add(airline + ":" + role)));
    return all;
  }

  private static String string(Map<String, Object> claims, String name) {
    Object value = claims.get(name);
    return value == null ? null : value.toString();
  }
}
