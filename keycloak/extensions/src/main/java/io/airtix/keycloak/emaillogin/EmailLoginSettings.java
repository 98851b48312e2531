package io.airtix.keycloak.emaillogin;

import java.time.Duration;
import java.util.Map;

/**
 * How long a mailed link and code live, how many mails one address may receive, and how many wrong
 * codes a sign-in may try. Read from the execution's authenticator config; a missing or unreadable
 * entry keeps its default.
 */
record EmailLoginSettings(
    Duration lifetime, int sendsPerWindow, Duration sendWindow, int wrongCodesAllowed) {

  static final String LIFETIME = "lifetime-seconds";
  static final String SENDS_PER_WINDOW = "sends-per-window";
  static final String SEND_WINDOW = "send-window-seconds";
  static final String WRONG_CODES_ALLOWED = "wrong-codes-allowed";

  static final EmailLoginSettings DEFAULTS =
      new EmailLoginSettings(Duration.ofMinutes(10), 3, Duration.ofMinutes(15), 5);

  static EmailLoginSettings from(Map<String, String> config) {
    if (config == null) {
      return DEFAULTS;
    }
    return new EmailLoginSettings(
        Duration.ofSeconds(positive(config.get(LIFETIME), DEFAULTS.lifetime.toSeconds())),
        (int) positive(config.get(SENDS_PER_WINDOW), DEFAULTS.sendsPerWindow),
        Duration.ofSeconds(positive(config.get(SEND_WINDOW), DEFAULTS.sendWindow.toSeconds())),
        (int) positive(config.get(WRONG_CODES_ALLOWED), DEFAULTS.wrongCodesAllowed));
  }

  private static long positive(String value, long otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      return parsed > 0 ? parsed : otherwise;
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
