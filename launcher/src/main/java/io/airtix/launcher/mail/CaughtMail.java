package io.airtix.launcher.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A mail the catcher received, decoded for reading: the plain-text part Keycloak sends beside its
 * HTML.
 */
record CaughtMail(Instant received, String from, String to, String subject, String text) {

  static CaughtMail of(MimeMessage message) {
    try {
      Instant received =
          message.getReceivedDate() != null
              ? message.getReceivedDate().toInstant()
              : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.now();
      return new CaughtMail(
          received,
          addresses(message.getFrom()),
          addresses(message.getAllRecipients()),
          message.getSubject() == null ? "(no subject)" : message.getSubject(),
          text(message));
    } catch (MessagingException | IOException e) {
      return new CaughtMail(Instant.now(), "", "", "(unreadable mail)", e.getMessage());
    }
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? ""
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  /** The first plain-text part; the HTML part only when there is no plain text. */
  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      String html = "";
      for (int i = 0; i < multipart.getCount(); i++) {
        Part child = multipart.getBodyPart(i);
        if (child.isMimeType("text/html")) {
          html = String.valueOf(child.getContent());
          continue;
        }
        String text = text(child);
        if (!text.isEmpty()) {
          return text;
        }
      }
      return html;
    }
    return part.isMimeType("text/html") ? String.valueOf(part.getContent()) : "";
  }
}
