package io.airtix.keycloakclient;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app computes (RFC 6238 with the realm's OTP policy: HMAC-SHA1, 6 digits,
 * 30-second steps), from the key Keycloak shows under "Unable to scan?".
 */
public final class Totp {

  /** Seconds per time step: a code belongs to one step. */
  public static final long STEP_SECONDS = 30;

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private final String displayedKey;
  private final byte[] secret;

  private Totp(String displayedKey, byte[] secret) {
    this.displayedKey = displayedKey;
    this.secret = secret;
  }

  /**
   * The key as Keycloak prints it: base32, in groups separated by spaces.
   *
   * @throws IllegalArgumentException when it is not base32
   */
  public static Totp ofDisplayedKey(String displayed) {
    String key = displayed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    byte[] secret = base32(key);
    if (secret.length == 0) {
      throw new IllegalArgumentException("an authenticator key cannot be empty");
    }
    return new Totp(key, secret);
  }

  /** The key without spaces, as an authenticator app accepts it when typed in. */
  public String key() {
    return displayedKey;
  }

  /** The time step an instant falls in. */
  public static long stepAt(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
  }

  /**
   * The code of the time step {@code stepsFromNow} away from the current one (Keycloak accepts one
   * step either way).
   */
  public String code(int stepsFromNow) {
    return codeAt(stepAt(Clock.systemUTC().instant()) + stepsFromNow);
  }

  /** The code of one time step. */
  public String codeAt(long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime ships HmacSHA1", e);
    }
  }

  private static byte[] base32(String text) {
    ByteBuffer bytes = ByteBuffer.allocate(text.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char character : text.replace("=", "").toCharArray()) {
      int value = BASE32.indexOf(character);
      if (value < 0) {
        throw new IllegalArgumentException("not base32: " + character);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        bytes.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return Arrays.copyOf(bytes.array(), bytes.position());
  }
}
