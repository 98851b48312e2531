package io.airtix.testing.mail;

import io.airtix.keycloakclient.MailLinks;
import java.net.URI;
import java.util.List;
import java.util.function.Predicate;

/**
 * One received e-mail, decoded: what a person would read.
 *
 * @param to the recipient the SMTP envelope named
 * @param text the plain-text part; Keycloak sends one beside the HTML part
 * @param html the HTML part, empty when the mail has none
 */
public record Mail(String to, String from, String subject, String text, String html) {

  /**
   * Every link of the plain-text part (or of the HTML part when there is no text), in reading
   * order.
   */
  public List<URI> links() {
    return MailLinks.in(text.isEmpty() ? html : text);
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

  public static Predicate<Mail> withSubjectContaining(String words) {
    return mail -> mail.subject().contains(words);
  }
}
