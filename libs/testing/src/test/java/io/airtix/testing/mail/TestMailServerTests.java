package io.airtix.testing.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestMailServerTests {

  private final TestMailServer server = TestMailServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void receivesMailOverSmtpAndReadsItsLinks() throws MessagingException {
    send(
        "jane@example.org",
        "Verify email",
        "Open https://id.example.org/login-actions/action-token?key=abc&client_id=web to verify.");

    Mail mail = server.awaitMailTo("jane@example.org");

    assertThat(mail.subject()).isEqualTo("Verify email");
    assertThat(mail.from()).isEqualTo("no-reply@airtix.test");
    assertThat(mail.link("action-token"))
        .isEqualTo(
            URI.create("https://id.example.org/login-actions/action-token?key=abc&client_id=web"));
  }

  @Test
  void keepsEachPersonsMailsApart() throws MessagingException {
    send("jane@example.org", "For Jane", "hello Jane");
    send("john@example.org", "For John", "hello John");
    send("jane@example.org", "Again for Jane", "hello again");

    assertThat(server.awaitMailsTo("jane@example.org", 2))
        .extracting(Mail::subject)
        .containsExactly("For Jane", "Again for Jane");
    assertThat(server.awaitMailTo("jane@example.org", Mail.withSubjectContaining("Again")).text())
        .contains("hello again");
    assertThat(server.mailsTo("john@example.org"))
        .extracting(Mail::subject)
        .containsExactly("For John");
  }

  @Test
  void failsWhenALinkIsMissing() throws MessagingException {
    send("jane@example.org", "No links", "nothing to click");

    assertThatThrownBy(() -> server.awaitMailTo("jane@example.org").link("action-token"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No links");
  }

  private void send(String to, String subject, String text) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", server.host());
    properties.put("mail.smtp.port", Integer.toString(server.port()));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("no-reply@airtix.test", false));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject);
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent("<p>" + text + "</p>", "text/html; charset=UTF-8");
    message.setContent(new MimeMultipart("alternative", plain, html));
    Transport.send(message);
  }
}
