package io.airtix.keycloakclient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The links of a mail Keycloak sent, as a person clicks them. */
public final class MailLinks {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

  private MailLinks() {}

  /**
   * Every link of the text, in reading order. Some of Keycloak's plain-text templates escape links
   * as if they were HTML ({@code &amp;}, {@code &#61;}): those escapes are undone.
   */
  public static List<URI> in(String text) {
    List<URI> links = new ArrayList<>();
    Matcher link = LINK.matcher(LoginPage.unescape(text));
    while (link.find()) {
      links.add(URI.create(link.group()));
    }
    return links;
  }
}
