package io.airtix.testing.isolation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a service: HTTP method and the path template exactly as the controller maps it,
 * e.g. {@code DELETE /api/tickets/{id}}.
 *
 * @param method {@code GET}, {@code POST}, …; {@link #ANY_METHOD} for a handler mapped without
 *     methods
 */
public record Endpoint(String method, String path) implements Comparable<Endpoint> {

  /**
   * What {@link ServiceEndpoints} reports for a handler that accepts every method: no matrix row
   * can name it.
   */
  public static final String ANY_METHOD = "ANY";

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
  private static final Comparator<Endpoint> ORDER =
      Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method);

  /** The template's variable names, in order: {@code id} for {@code /api/tickets/{id}}. */
  public Set<String> variables() {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = VARIABLE.matcher(path);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * The path with every variable replaced by its (URL-encoded) value, so the request reaches this
   * very handler.
   */
  public String expand(Map<String, String> values) {
    if (!values.keySet().equals(variables())) {
      throw new IllegalArgumentException(
          this + " needs values for " + variables() + ", got " + values.keySet());
    }
    Matcher matcher = VARIABLE.matcher(path);
    StringBuilder expanded = new StringBuilder();
    while (matcher.find()) {
      String value =
          URLEncoder.encode(values.get(matcher.group(1)), StandardCharsets.UTF_8)
              .replace("+", "%20");
      matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(expanded);
    return expanded.toString();
  }

  @Override
  public int compareTo(Endpoint other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
