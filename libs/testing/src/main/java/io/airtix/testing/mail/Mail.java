package io.airtix.testing.mail;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One received e-mail, decoded: what a person would read.
 *
 * @param to the recipient the SMTP envelope named
 * @param text the plain-text part; Keycloak sends one beside the HTML part
 * @param html the HTML part, empty when the mail has none
 */
public record Mail(String to, String from, String subject, String text, String html) {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
  private static final Pattern ENTITY = Pattern.compile("&#([0-9]+);");

  /**
   * Every link of the plain-text part (or of the HTML part when there is no text), in reading
   * order.
   */
  public List<URI> links() {
    List<URI> links = new ArrayList<>();
    // some of Keycloak's plain-text templates escape links as if they were HTML (&amp;, &#61;)
    Matcher matcher = LINK.matcher(unescape(text.isEmpty() ? html : text));
    while (matcher.find()) {
      links.add(URI.create(matcher.group()));
    }
    return links;
  }

  /** The first link whose text contains {@code fragment}, e.g. {@code "action-token"}. */
  public URI link(String fragment) {
    return links().stream()
        .filter(link -> link.toString().contains(fragment))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no link containing "
                        + fragment
                        + " in the mail '"
                        + subject
                        + "' to "
                        + to
                        + ":"
                        + System.lineSeparator()
                        + text));
  }

  private static String unescape(String text) {
    Matcher entity = ENTITY.matcher(text.replace("&amp;", "&"));
    StringBuilder plain = new StringBuilder();
    while (entity.find()) {
      entity.appendReplacement(
          plain, Matcher.quoteReplacement(Character.toString(Integer.parseInt(entity.group(1)))));
    }
    return entity.appendTail(plain).toString();
  }

  public static Predicate<Mail> withSubjectContaining(String words) {
    return mail -> mail.subject().contains(words);
  }
}
