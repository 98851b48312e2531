package io.airtix.keycloak.emaillogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailLoginSettingsTests {

  @Test
  void withoutConfigLinksLiveTenMinutesThreeMailsPerQuarterHourFiveWrongCodes() {
    assertThat(EmailLoginSettings.from(null))
        .isEqualTo(new EmailLoginSettings(Duration.ofMinutes(10), 3, Duration.ofMinutes(15), 5));
  }

  @Test
  void readsTheExecutionsConfig() {
    EmailLoginSettings settings =
        EmailLoginSettings.from(
            Map.of(
                "lifetime-seconds",
                "300",
                "sends-per-window",
                "2",
                "send-window-seconds",
                "60",
                "wrong-codes-allowed",
                "3"));

    assertThat(settings)
        .isEqualTo(new EmailLoginSettings(Duration.ofMinutes(5), 2, Duration.ofMinutes(1), 3));
  }

  @Test
  void keepsTheDefaultForAnEntryThatIsMissingBlankOrNotAPositiveNumber() {
    EmailLoginSettings settings =
        EmailLoginSettings.from(
            Map.of(
                "lifetime-seconds", "soon", "sends-per-window", "0", "send-window-seconds", " "));

    assertThat(settings).isEqualTo(EmailLoginSettings.DEFAULTS);
  }

  @Test
  void saysTheLifetimeInWords() {
    assertThat(EmailLoginMail.lifetimeText(Duration.ofMinutes(10))).isEqualTo("10 minutes");
    assertThat(EmailLoginMail.lifetimeText(Duration.ofMinutes(1))).isEqualTo("1 minute");
    assertThat(EmailLoginMail.lifetimeText(Duration.ofSeconds(90))).isEqualTo("90 seconds");
  }
}
