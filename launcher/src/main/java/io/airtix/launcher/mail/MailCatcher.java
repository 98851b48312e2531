package io.airtix.launcher.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * The standalone mode's mail: an SMTP server (GreenMail) that keeps every mail in memory, and a
 * page listing them. The realm file sends Keycloak's mails to {@code localhost:3025}; the page is
 * http://localhost:8025, the same mails for programs at http://localhost:8025/messages.json. Both
 * listen on the loopback interface only: the mails hold login links.
 */
public final class MailCatcher implements AutoCloseable {

  public static final int SMTP_PORT = 3025;
  public static final int PAGE_PORT = 8025;

  /** The mails for programs: see {@link #rawMessages()}. */
  public static final String RAW_MESSAGES = "/messages.json";

  private static final String LOOPBACK = "127.0.0.1";

  private final GreenMail smtp;
  private final HttpServer page;

  private MailCatcher(GreenMail smtp, HttpServer page) {
    this.smtp = smtp;
    this.page = page;
  }

  /** On the standalone mode's ports, {@value #SMTP_PORT} and {@value #PAGE_PORT}. */
  public static MailCatcher startStandalone() {
    return start(SMTP_PORT, PAGE_PORT);
  }

  /** Port 0 picks a free port. */
  static MailCatcher start(int smtpPort, int pagePort) {
    ServerSetup setup = new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP);
    GreenMail smtp = new GreenMail(smtpPort == 0 ? setup.dynamicPort() : setup);
    smtp.start();
    try {
      HttpServer page = HttpServer.create(new InetSocketAddress(LOOPBACK, pagePort), 0);
      MailCatcher catcher = new MailCatcher(smtp, page);
      page.createContext("/", catcher::answer);
      page.start();
      return catcher;
    } catch (IOException | RuntimeException e) {
      smtp.stop();
      throw new IllegalStateException(
          "the mail catcher's page could not listen on port "
              + pagePort
              + " (is another Airtix running?): "
              + e.getMessage(),
          e);
    }
  }

  public int smtpPort() {
    return smtp.getSmtp().getPort();
  }

  public String pageUrl() {
    return "http://localhost:" + page.getAddress().getPort();
  }

  List<CaughtMail> newestFirst() {
    return Arrays.stream(smtp.getReceivedMessages())
        .map(CaughtMail::of)
        .sorted(Comparator.comparing(CaughtMail::received).reversed())
        .toList();
  }

  @Override
  public void close() {
    page.stop(0);
    smtp.stop();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"/".equals(path) && !RAW_MESSAGES.equals(path)) {
        send(exchange, 404, "text/plain; charset=utf-8", "Not found: the mails are at /");
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain; charset=utf-8", "Only GET");
        return;
      }
      if (RAW_MESSAGES.equals(path)) {
        send(exchange, 200, "application/json", rawMessages());
        return;
      }
      send(exchange, 200, "text/html; charset=utf-8", MailPage.render(newestFirst()));
    }
  }

  /**
   * Every mail as it arrived, oldest first, each its whole MIME source in Base64: for programs that
   * read the mails (the identity tests against the standalone setup), where the page is for people.
   */
  private String rawMessages() throws IOException {
    StringJoiner messages = new StringJoiner(",", "{\"messages\":[", "]}");
    for (MimeMessage message : smtp.getReceivedMessages()) {
      ByteArrayOutputStream source = new ByteArrayOutputStream();
      try {
        message.writeTo(source);
      } catch (MessagingException e) {
        throw new IOException("unreadable mail: " + e.getMessage(), e);
      }
      messages.add("\"" + Base64.getEncoder().encodeToString(source.toByteArray()) + "\"");
    }
    return messages.toString();
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange
        .getResponseHeaders()
        .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
