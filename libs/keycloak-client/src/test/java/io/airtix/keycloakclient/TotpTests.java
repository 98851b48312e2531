package io.airtix.keycloakclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTests {

  /**
   * RFC 6238's SHA-1 seed, the ASCII "12345678901234567890", in base32 as Keycloak would show it.
   */
  private static final String RFC_6238_KEY = "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ";

  @Test
  void computesTheCodesOfRfc6238TruncatedToSixDigits() {
    Totp totp = Totp.ofDisplayedKey(RFC_6238_KEY);

    assertThat(totp.codeAt(Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    assertThat(totp.codeAt(Totp.stepAt(Instant.ofEpochSecond(1_111_111_109)))).isEqualTo("081804");
    assertThat(totp.codeAt(Totp.stepAt(Instant.ofEpochSecond(1_111_111_111)))).isEqualTo("050471");
    assertThat(totp.codeAt(Totp.stepAt(Instant.ofEpochSecond(1_234_567_890)))).isEqualTo("005924");
    assertThat(totp.codeAt(Totp.stepAt(Instant.ofEpochSecond(2_000_000_000)))).isEqualTo("279037");
  }

  @Test
  void readsTheKeyWithOrWithoutSpacesInAnyCase() {
    Totp spaced = Totp.ofDisplayedKey(RFC_6238_KEY);
    Totp lower = Totp.ofDisplayedKey(RFC_6238_KEY.replace(" ", "").toLowerCase());

    assertThat(lower.codeAt(37_037_036)).isEqualTo(spaced.codeAt(37_037_036));
    assertThat(lower.key()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  }

  @Test
  void stepsAreThirtySecondsLong() {
    assertThat(Totp.stepAt(Instant.ofEpochSecond(29))).isZero();
    assertThat(Totp.stepAt(Instant.ofEpochSecond(30))).isEqualTo(1);
  }

  @Test
  void refusesAKeyThatIsNotBase32() {
    assertThatThrownBy(() -> Totp.ofDisplayedKey("GEZD 1890"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not base32: 1");
    assertThatThrownBy(() -> Totp.ofDisplayedKey("  "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
