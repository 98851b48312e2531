package io.airtix.testing.keycloak;

import io.airtix.keycloakclient.NewUser;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Object mother for people in the test realm. Every call names a new person (unique user name and
 * e-mail, random password), so tests sharing one Keycloak never see each other's users.
 */
public final class TestUsers {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PASSWORD_CHARACTERS =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.";
  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** Tells apart users of test JVMs that run one after the other against a reused realm. */
  private static final String RUN = Long.toString(RANDOM.nextInt(1 << 30), 36);

  private TestUsers() {}

  /** A traveller: only the realm's default roles, among them {@code customer}. */
  public static NewUser customer() {
    return person("customer", Set.of(), Map.of());
  }

  /**
   * Staff of an airline holding the given tenant roles there, e.g. {@code member("aerolux",
   * "agent")}.
   */
  public static NewUser member(String airline, String... tenantRoles) {
    if (tenantRoles.length == 0) {
      throw new IllegalArgumentException("name at least one tenant role, e.g. agent");
    }
    return person(
        airline + "-" + String.join("-", tenantRoles),
        Set.of(),
        Map.of(airline, Set.of(tenantRoles)));
  }

  /** An operator of the platform; keeps the default roles too. */
  public static NewUser platformAdmin() {
    return person("platform-admin", Set.of("platform-admin"), Map.of());
  }

  /** A password the realm's policy accepts (12+ characters, not the user name or e-mail). */
  public static String randomPassword() {
    StringBuilder password = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      password.append(PASSWORD_CHARACTERS.charAt(RANDOM.nextInt(PASSWORD_CHARACTERS.length())));
    }
    return password.toString();
  }

  private static NewUser person(
      String kind, Set<String> realmRoles, Map<String, Set<String>> airlineRoles) {
    String username = kind + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    return new NewUser(
        username,
        username + "@example.org",
        "Test",
        capitalized(kind),
        randomPassword(),
        realmRoles,
        airlineRoles);
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
