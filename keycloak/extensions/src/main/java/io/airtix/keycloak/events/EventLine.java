package io.airtix.keycloak.events;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;

/**
 * One log line per Keycloak event, as {@code key=value} pairs that log shippers parse without a
 * grammar.
 *
 * <p>Only identifiers leave Keycloak: user, session and client ids, never user names, e-mail
 * addresses, real names, IP addresses or admin representations, so the log can be kept and shared
 * without becoming personal data.
 */
final class EventLine {

  /** Details that describe the action without describing the person. Everything else is dropped. */
  static final Set<String> SAFE_DETAILS =
      Set.of(
          Details.AUTH_METHOD,
          Details.AUTH_TYPE,
          Details.GRANT_TYPE,
          Details.RESPONSE_TYPE,
          Details.RESPONSE_MODE,
          Details.REGISTER_METHOD,
          Details.CUSTOM_REQUIRED_ACTION,
          Details.CREDENTIAL_TYPE,
          Details.REASON,
          Details.TOKEN_TYPE,
          Details.REFRESH_TOKEN_TYPE,
          Details.ORG_ID);

  private EventLine() {}

  static String of(Event event) {
    Map<String, String> fields = new TreeMap<>();
    fields.put("kind", "user");
    fields.put("type", event.getType() == null ? null : event.getType().name());
    fields.put("realm", event.getRealmId());
    fields.put("client", event.getClientId());
    fields.put("user", event.getUserId());
    fields.put("session", event.getSessionId());
    fields.put("error", event.getError());
    fields.put("event", event.getId());
    if (event.getDetails() != null) {
      event
          .getDetails()
          .forEach(
              (name, value) -> {
                if (SAFE_DETAILS.contains(name)) {
                  fields.put("detail." + name, value);
                }
              });
    }
    return format(fields);
  }

  static String of(AdminEvent event) {
    Map<String, String> fields = new TreeMap<>();
    fields.put("kind", "admin");
    fields.put(
        "operation", event.getOperationType() == null ? null : event.getOperationType().name());
    fields.put("resource", event.getResourceTypeAsString());
    // admin resource paths are made of ids ("users/6f1c…/groups/…"), never of names
    fields.put("path", event.getResourcePath());
    fields.put("realm", event.getRealmId());
    if (event.getAuthDetails() != null) {
      fields.put("actor", event.getAuthDetails().getUserId());
      fields.put("client", event.getAuthDetails().getClientId());
    }
    fields.put("error", event.getError());
    fields.put("event", event.getId());
    return format(fields);
  }

  private static String format(Map<String, String> fields) {
    StringJoiner line = new StringJoiner(" ");
    fields.forEach(
        (name, value) -> {
          if (value != null && !value.isEmpty()) {
            line.add(name + "=" + quoted(value));
          }
        });
    return line.toString();
  }

  /**
   * Quotes values that would break the line apart, and neutralises line breaks so nobody can forge
   * log lines.
   */
  static String quoted(String value) {
    String safe =
        value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n");
    return safe.chars().anyMatch(c -> c == ' ' || c == '=' || c == '"' || c == '\\')
        ? "\"" + safe + "\""
        : safe;
  }
}
