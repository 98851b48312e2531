package io.airtix.broker;

import io.airtix.events.broker.BrokerAccount;
import io.airtix.events.broker.BrokerNames;
import io.airtix.events.broker.BrokerPasswords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * RabbitMQ's definitions of the broker accounts ({@code rabbitmqctl import_definitions}, or {@code
 * load_definitions} in a container): one user per {@link BrokerAccount} with its password's hash,
 * and the same rights the embedded broker's {@link AccessRules} grant, as permissions on the
 * virtual host (configure, write, read: its exchanges and queues) and topic permissions on the
 * events exchange (the routing keys, i.e. event types, it may publish). Importing adds or updates
 * these users and leaves every other user alone.
 */
public final class RabbitMqDefinitions {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RabbitMqDefinitions() {}

  public static String of(BrokerPasswords passwords, String virtualHost) {
    return definitions(
        virtualHost,
        account ->
            ordered(
                "password_hash",
                passwordHash(passwords.of(account)),
                "hashing_algorithm",
                "rabbit_password_hashing_sha256"));
  }

  /**
   * The same definitions with each password a placeholder, {@code
   * ${AIRTIX_BROKER_PASSWORD_<ACCOUNT>}} ({@link #passwordVariable(BrokerAccount)}), which a
   * container fills in from its environment before RabbitMQ loads the file at its start ({@code
   * infra/compose/rabbitmq/}). RabbitMQ hashes a plain password as it imports it.
   */
  public static String template(String virtualHost) {
    return definitions(
        virtualHost, account -> ordered("password", "${" + passwordVariable(account) + "}"));
  }

  /**
   * The environment variable holding the account's password, e.g. AIRTIX_BROKER_PASSWORD_ORDERS.
   */
  public static String passwordVariable(BrokerAccount account) {
    return "AIRTIX_BROKER_PASSWORD_" + account.name();
  }

  private static String definitions(
      String virtualHost, Function<BrokerAccount, Map<String, Object>> password) {
    List<Map<String, Object>> users = new ArrayList<>();
    List<Map<String, Object>> permissions = new ArrayList<>();
    List<Map<String, Object>> topicPermissions = new ArrayList<>();
    for (BrokerAccount account : BrokerAccount.values()) {
      String user = account.username();
      Map<String, Object> definition = ordered("name", user);
      definition.putAll(password.apply(account));
      definition.put("tags", List.of());
      users.add(definition);
      String resources = resources(account);
      permissions.add(
          ordered(
              "user", user,
              "vhost", virtualHost,
              "configure", resources,
              "write", resources,
              "read", account.consumes() ? resources : "^$"));
      topicPermissions.add(
          ordered(
              "user",
              user,
              "vhost",
              virtualHost,
              "exchange",
              BrokerNames.EVENTS_EXCHANGE,
              "write",
              anyOf(account.publishes().stream().sorted()),
              "read",
              ".*"));
    }
    Map<String, Object> definitions = new LinkedHashMap<>();
    definitions.put("users", users);
    definitions.put("vhosts", List.of(Map.of("name", virtualHost)));
    definitions.put("permissions", permissions);
    definitions.put("topic_permissions", topicPermissions);
    return JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(definitions);
  }

  /** The exchanges and queues the account may declare, write to and read from. */
  static String resources(BrokerAccount account) {
    if (!account.consumes()) {
      return anyOf(Stream.of(BrokerNames.EVENTS_EXCHANGE));
    }
    String service = account.service();
    return "^("
        + literal(BrokerNames.EVENTS_EXCHANGE)
        + "|"
        + literal(BrokerNames.deadLetterExchange(service))
        + "|"
        + literal(BrokerNames.queuePrefix(service))
        + ".+)$";
  }

  /** A regular expression that matches exactly these names; none at all for no names. */
  static String anyOf(Stream<String> names) {
    String alternatives = names.map(RabbitMqDefinitions::literal).collect(Collectors.joining("|"));
    return alternatives.isEmpty() ? "^$" : "^(" + alternatives + ")$";
  }

  private static String literal(String name) {
    return name.replace(".", "\\.");
  }

  /**
   * RabbitMQ's {@code rabbit_password_hashing_sha256}: four random bytes of salt, then SHA-256 of
   * the salt and the password, all in Base64.
   */
  static String passwordHash(String password) {
    byte[] salt = new byte[4];
    RANDOM.nextBytes(salt);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      byte[] hash = sha256.digest(password.getBytes(StandardCharsets.UTF_8));
      byte[] saltAndHash = new byte[salt.length + hash.length];
      System.arraycopy(salt, 0, saltAndHash, 0, salt.length);
      System.arraycopy(hash, 0, saltAndHash, salt.length, hash.length);
      return Base64.getEncoder().encodeToString(saltAndHash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
