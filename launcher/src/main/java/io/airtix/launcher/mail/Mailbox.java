package io.airtix.launcher.mail;

import io.airtix.keycloakclient.MailLinks;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail catcher read over HTTP ({@value MailCatcher#RAW_MESSAGES}), as a person reads their
 * mailbox: for the demo people, who accept the invitations Keycloak mailed them.
 */
public final class Mailbox {

  private static final Pattern MESSAGE = Pattern.compile("\"([A-Za-z0-9+/]{16,}={0,2})\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI messages;

  public Mailbox(URI mailCatcherPage) {
    this.messages = mailCatcherPage.resolve(MailCatcher.RAW_MESSAGES);
  }

  /**
   * The link containing {@code linkPart} in the newest mail to {@code address} whose subject
   * contains {@code subjectPart}.
   */
  public Optional<URI> newestLink(String address, String subjectPart, String linkPart) {
    // the catcher lists its mails as they arrived; their dates count whole seconds only
    List<CaughtMail> newestFirst = new ArrayList<>(mails());
    Collections.reverse(newestFirst);
    return newestFirst.stream()
        .filter(
            mail -> mail.to().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT)))
        .filter(mail -> mail.subject().contains(subjectPart))
        .findFirst()
        .flatMap(
            mail ->
                MailLinks.in(mail.text()).stream()
                    .filter(link -> link.toString().contains(linkPart))
                    .findFirst());
  }

  private List<CaughtMail> mails() {
    String body;
    try {
      body =
          http.send(
                  HttpRequest.newBuilder(messages).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      throw new IllegalStateException("the mail catcher at " + messages + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + messages, e);
    }
    Session session = Session.getInstance(new Properties());
    List<CaughtMail> mails = new ArrayList<>();
    Matcher source = MESSAGE.matcher(body);
    while (source.find()) {
      try {
        mails.add(
            CaughtMail.of(
                new MimeMessage(
                    session,
                    new ByteArrayInputStream(Base64.getDecoder().decode(source.group(1))))));
      } catch (MessagingException e) {
        throw new IllegalStateException("unreadable mail in " + messages, e);
      }
    }
    return mails;
  }
}
