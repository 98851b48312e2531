package io.airtix.keycloakclient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few facts a browserless login needs from one of Keycloak's HTML pages: the login form and any
 * error shown. Regular expressions suffice because Keycloak's templates are regular; a full HTML
 * parser would be a dependency for nothing.
 */
record LoginPage(URI address, String html) {

  private static final Pattern FORM =
      Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern INPUT =
      Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE =
      Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern ERROR =
      Pattern.compile(
          "<(?:span|div|p)\\b[^>]*(?:id=\"input-error[^\"]*\"|class=\"[^\"]*(?:kc-feedback-text|pf-v5-c-alert__title|alert-error)[^\"]*\")[^>]*>(.*?)</(?:span|div|p|h4)>",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  /** A form on the page: where it posts, what it sends unasked, and which fields it has. */
  record Form(URI action, Map<String, String> hiddenFields, Set<String> fieldNames) {

    boolean asks(String field) {
      return fieldNames.contains(field);
    }
  }

  /**
   * The login form (Keycloak calls it {@code kc-form-login}), or any form asking for a user name or
   * password.
   */
  Optional<Form> loginForm() {
    Form fallback = null;
    Matcher forms = FORM.matcher(html);
    while (forms.find()) {
      String attributes = forms.group(1);
      Optional<String> action = attribute(attributes, "action");
      if (action.isEmpty()) {
        continue;
      }
      Form form = form(action.get(), forms.group(2));
      if ("kc-form-login".equals(attribute(attributes, "id").orElse(""))) {
        return Optional.of(form);
      }
      if (fallback == null && (form.asks("username") || form.asks("password"))) {
        fallback = form;
      }
    }
    return Optional.ofNullable(fallback);
  }

  /** The form with this id, e.g. Keycloak's {@code kc-register-form}. */
  Optional<Form> form(String id) {
    Matcher forms = FORM.matcher(html);
    while (forms.find()) {
      String attributes = forms.group(1);
      Optional<String> action = attribute(attributes, "action");
      if (action.isPresent() && id.equals(attribute(attributes, "id").orElse(""))) {
        return Optional.of(form(action.get(), forms.group(2)));
      }
    }
    return Optional.empty();
  }

  /**
   * Where the link with this id leads, e.g. the enrolment page's {@code mode-manual} ("Unable to
   * scan?").
   */
  Optional<URI> link(String id) {
    Matcher links = Pattern.compile("<a\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(html);
    while (links.find()) {
      String attributes = links.group(1);
      Optional<String> href = attribute(attributes, "href");
      if (href.isPresent() && id.equals(attribute(attributes, "id").orElse(""))) {
        return Optional.of(address.resolve(href.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * The first link whose address contains {@code pathPart}, e.g. the "proceed" link of Keycloak's
   * confirmation page, which has no id.
   */
  Optional<URI> linkTo(String pathPart) {
    Matcher links = Pattern.compile("<a\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(html);
    while (links.find()) {
      Optional<String> href = attribute(links.group(1), "href").map(LoginPage::unescape);
      if (href.isPresent() && href.get().contains(pathPart)) {
        return Optional.of(address.resolve(href.get()));
      }
    }
    return Optional.empty();
  }

  /** The text of the element with this id, e.g. the enrolment page's {@code kc-totp-secret-key}. */
  Optional<String> textOf(String id) {
    Matcher element =
        Pattern.compile(
                "<(\\w+)\\b[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL | Pattern.CASE_INSENSITIVE)
            .matcher(html);
    return element.find() ? Optional.of(text(element.group(2))) : Optional.empty();
  }

  /** The error or warning the page shows the user, if any. */
  Optional<String> errorMessage() {
    Matcher error = ERROR.matcher(html);
    while (error.find()) {
      String text = text(error.group(1));
      if (!text.isEmpty()) {
        return Optional.of(text);
      }
    }
    return Optional.empty();
  }

  String title() {
    Matcher title = TITLE.matcher(html);
    return title.find() ? text(title.group(1)) : "";
  }

  /**
   * Something a person can act on: the page's error, or its title and address when it shows none.
   */
  String describe() {
    return errorMessage().orElseGet(() -> "page \"" + title() + "\" at " + address.getPath());
  }

  private Form form(String action, String body) {
    Map<String, String> hidden = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    Matcher inputs = INPUT.matcher(body);
    while (inputs.find()) {
      String attributes = inputs.group(1);
      attribute(attributes, "name")
          .ifPresent(
              name -> {
                names.add(name);
                if ("hidden".equalsIgnoreCase(attribute(attributes, "type").orElse("text"))) {
                  hidden.put(name, attribute(attributes, "value").orElse(""));
                }
              });
    }
    return new Form(address.resolve(action), hidden, names);
  }

  private static Optional<String> attribute(String attributes, String name) {
    Matcher value =
        Pattern.compile(
                "(?:^|\\s)" + name + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
                Pattern.CASE_INSENSITIVE)
            .matcher(attributes);
    if (!value.find()) {
      return Optional.empty();
    }
    return Optional.of(unescape(value.group(1) != null ? value.group(1) : value.group(2)));
  }

  private static String text(String markup) {
    return unescape(TAG.matcher(markup).replaceAll(" ")).replaceAll("\\s+", " ").strip();
  }

  static String unescape(String text) {
    Matcher entity =
        Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(text);
    StringBuilder result = new StringBuilder();
    while (entity.find()) {
      String name = entity.group(1);
      String replacement =
          switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                Character.toString(
                    name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1)));
          };
      entity.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    entity.appendTail(result);
    return result.toString();
  }
}
