package io.airtix.testing.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * A real SMTP server that keeps every mail it receives, for tests that follow the links and codes
 * Keycloak sends: GreenMail on a free local port of this JVM ({@link #start()}), or the mail
 * catcher of a running standalone Airtix, read through its page for programs ({@link
 * #ofMailCatcher(URI, int)}). Accepts mail for any address; nothing leaves the machine.
 */
public final class TestMailServer implements AutoCloseable {

  /**
   * Keycloak sends a mail right after the request that triggers it; a busy two-core machine may
   * take seconds.
   */
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

  private static final String BIND_ADDRESS = "127.0.0.1";
  private static final Pattern BASE64_STRING = Pattern.compile("\"([A-Za-z0-9+/=]+)\"");

  private final int port;
  private final Supplier<List<MimeMessage>> received;
  private final Runnable stop;

  private TestMailServer(int port, Supplier<List<MimeMessage>> received, Runnable stop) {
    this.port = port;
    this.received = received;
    this.stop = stop;
  }

  public static TestMailServer start() {
    GreenMail greenMail =
        new GreenMail(new ServerSetup(0, BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.start();
    return new TestMailServer(
        greenMail.getSmtp().getPort(),
        () -> List.of(greenMail.getReceivedMessages()),
        greenMail::stop);
  }

  /**
   * The mail catcher of a standalone Airtix: its SMTP port, and its mails as the launcher hands
   * them to programs ({@code GET <page>/messages.json}: every mail's MIME source in Base64, oldest
   * first). Closing it stops nothing.
   */
  public static TestMailServer ofMailCatcher(URI page, int smtpPort) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI messages = page.resolve("/messages.json");
    return new TestMailServer(smtpPort, () -> caughtMails(http, messages), () -> {});
  }

  /** Where clients reach it: {@code 127.0.0.1}. */
  public String host() {
    return BIND_ADDRESS;
  }

  public int port() {
    return port;
  }

  /** Every mail received so far for {@code address}, oldest first. */
  public List<Mail> mailsTo(String address) {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : received.get()) {
      for (String recipient : recipients(message)) {
        if (recipient.equalsIgnoreCase(address)) {
          mails.add(decode(message, recipient));
        }
      }
    }
    return mails;
  }

  /** Waits for the first mail to {@code address}. */
  public Mail awaitMailTo(String address) {
    return awaitMailsTo(address, 1).get(0);
  }

  /**
   * Waits for a mail to {@code address} that matches, e.g. {@link
   * Mail#withSubjectContaining(String)}; the newest wins.
   */
  public Mail awaitMailTo(String address, Predicate<Mail> which) {
    return Awaitility.await("a matching mail to " + address)
        .atMost(DELIVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> mailsTo(address).stream().filter(which).reduce((first, second) -> second),
            found -> found.isPresent())
        .get();
  }

  /**
   * Waits until {@code address} has received at least {@code count} mails and returns them, oldest
   * first.
   */
  public List<Mail> awaitMailsTo(String address, int count) {
    return Awaitility.await(count + " mail(s) to " + address)
        .atMost(DELIVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> mailsTo(address), mails -> mails.size() >= count);
  }

  @Override
  public void close() {
    stop.run();
  }

  private static List<MimeMessage> caughtMails(HttpClient http, URI messages) {
    HttpResponse<String> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(messages).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("the mail catcher does not answer at " + messages, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + messages, e);
    }
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(messages + " answered " + answer.statusCode());
    }
    List<MimeMessage> mails = new ArrayList<>();
    // the strings of the "messages" array, not its name
    Matcher encoded =
        BASE64_STRING.matcher(answer.body().substring(Math.max(0, answer.body().indexOf('['))));
    while (encoded.find()) {
      try {
        mails.add(
            new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(Base64.getDecoder().decode(encoded.group(1)))));
      } catch (MessagingException e) {
        throw new IllegalStateException("unreadable mail from " + messages, e);
      }
    }
    return mails;
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      Address[] recipients = message.getAllRecipients();
      return recipients == null
          ? List.of()
          : Arrays.stream(recipients)
              .map(address -> address.toString().toLowerCase(Locale.ROOT))
              .map(TestMailServer::bare)
              .toList();
    } catch (MessagingException e) {
      throw new IllegalStateException("unreadable recipients", e);
    }
  }

  /** {@code "Jane <jane@example.org>"} → {@code jane@example.org}. */
  private static String bare(String address) {
    int open = address.indexOf('<');
    int close = address.indexOf('>');
    return open >= 0 && close > open ? address.substring(open + 1, close) : address;
  }

  private static Mail decode(MimeMessage message, String recipient) {
    try {
      StringBuilder text = new StringBuilder();
      StringBuilder html = new StringBuilder();
      collect(message, text, html);
      Address[] from = message.getFrom();
      return new Mail(
          recipient,
          from == null || from.length == 0 ? "" : bare(from[0].toString()),
          message.getSubject(),
          text.toString(),
          html.toString());
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable mail to " + recipient, e);
    }
  }

  private static void collect(Part part, StringBuilder text, StringBuilder html)
      throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      text.append(part.getContent());
    } else if (part.isMimeType("text/html")) {
      html.append(part.getContent());
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, text, html);
      }
    }
  }
}
