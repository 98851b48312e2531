package io.airtix.launcher.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail catcher's page: every caught mail, newest first, with its links clickable so that a
 * person trying Airtix can verify an address or reset a password without a real mailbox. The page
 * reloads itself every few seconds.
 */
final class MailPage {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private MailPage() {}

  static String render(List<CaughtMail> newestFirst) {
    StringBuilder page =
        new StringBuilder(
            """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="refresh" content="5">
        <title>Airtix mail catcher</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1d21; }
          h1 { color: #0b2545; }
          article { border: 1px solid #c7ccd1; border-radius: 6px; margin: 1rem 0; padding: 1rem; }
          pre { white-space: pre-wrap; word-break: break-all; }
          a { color: #0b5cad; }
          a:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
        </style>
        </head>
        <body>
        <main>
        <h1>Airtix mail catcher</h1>
        <p>Mails Keycloak sent in this standalone run. Nothing leaves this machine.</p>
        """);
    if (newestFirst.isEmpty()) {
      page.append("<p>No mail yet.</p>\n");
    }
    for (CaughtMail mail : newestFirst) {
      page.append("<article>\n<h2>")
          .append(escape(mail.subject()))
          .append("</h2>\n")
          .append("<p>To ")
          .append(escape(mail.to()))
          .append(" from ")
          .append(escape(mail.from()))
          .append(", ")
          .append(TIME.format(mail.received()))
          .append("</p>\n")
          .append("<pre>")
          .append(withLinks(mail.text()))
          .append("</pre>\n</article>\n");
    }
    return page.append("</main>\n</body>\n</html>\n").toString();
  }

  private static String withLinks(String text) {
    StringBuilder html = new StringBuilder();
    Matcher link = LINK.matcher(text);
    int last = 0;
    while (link.find()) {
      html.append(escape(text.substring(last, link.start())));
      String url = escape(link.group());
      html.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
      last = link.end();
    }
    return html.append(escape(text.substring(last))).toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
