package io.airtix.testing.keycloak;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of {@code keycloak/realm-export.json}, {@code ${NAME}} and {@code
 * ${NAME:default}}, which Keycloak fills from its environment when it imports the file at its
 * start. The admin API takes a realm as it is, so the tests, which post the file, fill them the
 * same way first: the given value, else the default. Only upper-case names are placeholders; the
 * realm's message keys such as {@code ${role_offline-access}} stay as they are.
 */
final class RealmPlaceholders {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

  private RealmPlaceholders() {}

  static String resolve(String realm, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(realm);
    StringBuilder resolved = new StringBuilder();
    while (placeholder.find()) {
      String name = placeholder.group(1);
      String value = values.getOrDefault(name, placeholder.group(2));
      if (value == null) {
        throw new IllegalArgumentException(
            "The realm needs a value for ${" + name + "}, which has no default");
      }
      placeholder.appendReplacement(resolved, Matcher.quoteReplacement(value));
    }
    return placeholder.appendTail(resolved).toString();
  }
}
