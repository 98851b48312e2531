package io.airtix.launcher.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
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
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailCatcherTests {

  private final MailCatcher catcher = MailCatcher.start(0, 0);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    catcher.close();
  }

  @Test
  void showsCaughtMailsNewestFirstWithClickableLinks() throws Exception {
    send(
        "jane@example.org",
        "Verify email",
        "Open http://localhost:8180/realms/airtix/login-actions/action-token?key=a&b=c now");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> catcher.newestFirst().size() == 1);
    send("john@example.org", "Reset password", "Reset here");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> catcher.newestFirst().size() == 2);

    HttpResponse<String> page = get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body())
        .contains("To jane@example.org", "To john@example.org")
        .contains(
            "<a href=\"http://localhost:8180/realms/airtix/login-actions/action-token?key=a&amp;b=c\">");
    assertThat(page.body().indexOf("Reset password"))
        .isLessThan(page.body().indexOf("Verify email"));
  }

  @Test
  void escapesWhatAMailSays() throws Exception {
    send("jane@example.org", "<script>alert(1)</script>", "<b>bold</b>");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> catcher.newestFirst().size() == 1);

    String body = get("/").body();

    assertThat(body)
        .doesNotContain("<script>alert", "<b>bold")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void saysSoWhenNoMailCameYet() throws Exception {
    assertThat(get("/").body()).contains("No mail yet.");
  }

  @Test
  void handsProgramsEveryMailsWholeSourceOldestFirst() throws Exception {
    send("jane@example.org", "Verify email", "Open http://localhost:8180/verify?key=a&b=c now");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> catcher.newestFirst().size() == 1);
    send("john@example.org", "Reset password", "Reset here");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> catcher.newestFirst().size() == 2);

    HttpResponse<String> raw = get("/messages.json");

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/json");
    List<MimeMessage> messages = new ArrayList<>();
    Matcher encoded =
        Pattern.compile("\"([A-Za-z0-9+/=]+)\"")
            .matcher(raw.body().substring(raw.body().indexOf('[')));
    while (encoded.find()) {
      messages.add(
          new MimeMessage(
              Session.getInstance(new Properties()),
              new ByteArrayInputStream(Base64.getDecoder().decode(encoded.group(1)))));
    }
    assertThat(raw.body()).startsWith("{\"messages\":[");
    assertThat(messages)
        .extracting(MimeMessage::getSubject)
        .containsExactly("Verify email", "Reset password");
    assertThat(String.valueOf(messages.get(0).getContent()))
        .contains("http://localhost:8180/verify?key=a&b=c");
  }

  @Test
  void answersOnlyItsPageAndTheMailsForPrograms() throws Exception {
    assertThat(get("/admin").statusCode()).isEqualTo(404);
    assertThat(get("/messages.json").body()).isEqualTo("{\"messages\":[]}");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(catcher.pageUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void letsAProgramFollowTheNewestLinkOfAMailAsAPersonWould() throws Exception {
    send(
        "jane@example.org",
        "You are invited to sell tickets for AeroLux on Airtix",
        "Join: http://localhost:8180/realms/airtix/login-actions/action-token?key&#61;old");
    send(
        "jane@example.org",
        "You are invited to sell tickets for AeroLux on Airtix",
        "Join: http://localhost:8180/realms/airtix/login-actions/action-token?key&#61;new&amp;client_id&#61;web");
    send(
        "john@example.org",
        "You are invited to sell tickets for AeroLux on Airtix",
        "Join: http://localhost:8180/realms/airtix/login-actions/action-token?key&#61;johns");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> catcher.newestFirst().size() == 3);
    Mailbox mailbox = new Mailbox(URI.create(catcher.pageUrl()));

    assertThat(mailbox.newestLink("jane@example.org", "AeroLux", "/login-actions/action-token"))
        .contains(
            URI.create(
                "http://localhost:8180/realms/airtix/login-actions/action-token?key=new&client_id=web"));
    assertThat(mailbox.newestLink("jane@example.org", "Boreal", "/login-actions/")).isEmpty();
  }

  private void send(String to, String subject, String text) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(catcher.smtpPort()));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("no-reply@airtix.test"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject);
    message.setText(text, "UTF-8");
    Transport.send(message);
  }
}
