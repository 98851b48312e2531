package io.airtix.keycloak.emaillogin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a person must show to finish an e-mail sign-in: the code or the link's key mailed to {@link
 * #address()}. Kept in the sign-in's own authentication session, the two secrets only as salted
 * SHA-256 hashes, so neither the code nor the key can be read back from Keycloak's session store.
 */
record EmailChallenge(
    String address, String salt, String codeHash, String keyHash, long expiresAt, int wrongCodes) {

  /** A freshly issued challenge and the secrets that go into the mail, never stored. */
  record Issued(EmailChallenge challenge, String code, String key) {}

  enum Outcome {
    ACCEPTED,
    WRONG,
    EXPIRED,
    VOID
  }

  static final int CODE_DIGITS = 6;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "airtix.email-login.";
  private static final String ADDRESS = PREFIX + "address";
  private static final String SALT = PREFIX + "salt";
  private static final String CODE_HASH = PREFIX + "code";
  private static final String KEY_HASH = PREFIX + "key";
  private static final String EXPIRES_AT = PREFIX + "expires-at";
  private static final String WRONG_CODES = PREFIX + "wrong-codes";

  static Issued issue(String address, Instant now, Duration lifetime) {
    String code =
        String.format("%0" + CODE_DIGITS + "d", RANDOM.nextInt((int) Math.pow(10, CODE_DIGITS)));
    String key = randomUrlSafe(32);
    String salt = randomUrlSafe(16);
    EmailChallenge challenge =
        new EmailChallenge(
            address,
            salt,
            hash(salt, "code", code),
            hash(salt, "key", key),
            now.plus(lifetime).getEpochSecond(),
            0);
    return new Issued(challenge, code, key);
  }

  /** The code as typed: spaces and dashes a person may add are ignored. */
  Outcome checkCode(String typed, Instant now, int wrongCodesAllowed) {
    if (isExpired(now)) {
      return Outcome.EXPIRED;
    }
    if (isVoid(wrongCodesAllowed)) {
      return Outcome.VOID;
    }
    String code = typed == null ? "" : typed.replaceAll("[\\s-]", "");
    return matches(codeHash, hash(salt, "code", code)) ? Outcome.ACCEPTED : Outcome.WRONG;
  }

  /** The link's key. Wrong codes do not void the link: only the person reading the mail has it. */
  Outcome checkKey(String key, Instant now) {
    if (isExpired(now)) {
      return Outcome.EXPIRED;
    }
    return key != null && matches(keyHash, hash(salt, "key", key))
        ? Outcome.ACCEPTED
        : Outcome.WRONG;
  }

  EmailChallenge afterWrongCode() {
    return new EmailChallenge(address, salt, codeHash, keyHash, expiresAt, wrongCodes + 1);
  }

  boolean isVoid(int wrongCodesAllowed) {
    return wrongCodes >= wrongCodesAllowed;
  }

  boolean isExpired(Instant now) {
    return now.getEpochSecond() >= expiresAt;
  }

  Map<String, String> notes() {
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put(ADDRESS, address);
    notes.put(SALT, salt);
    notes.put(CODE_HASH, codeHash);
    notes.put(KEY_HASH, keyHash);
    notes.put(EXPIRES_AT, Long.toString(expiresAt));
    notes.put(WRONG_CODES, Integer.toString(wrongCodes));
    return notes;
  }

  static Iterable<String> noteNames() {
    return java.util.List.of(ADDRESS, SALT, CODE_HASH, KEY_HASH, EXPIRES_AT, WRONG_CODES);
  }

  /**
   * The challenge kept in these notes, or {@code null} when there is none (or only a damaged one).
   */
  static EmailChallenge fromNotes(Function<String, String> note) {
    String address = note.apply(ADDRESS);
    String salt = note.apply(SALT);
    String codeHash = note.apply(CODE_HASH);
    String keyHash = note.apply(KEY_HASH);
    String expiresAt = note.apply(EXPIRES_AT);
    String wrongCodes = note.apply(WRONG_CODES);
    if (address == null
        || salt == null
        || codeHash == null
        || keyHash == null
        || expiresAt == null
        || wrongCodes == null) {
      return null;
    }
    try {
      return new EmailChallenge(
          address,
          salt,
          codeHash,
          keyHash,
          Long.parseLong(expiresAt),
          Integer.parseInt(wrongCodes));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String sha256(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String hash(String salt, String purpose, String secret) {
    return sha256(salt + ":" + purpose + ":" + secret);
  }

  private static boolean matches(String expectedHash, String actualHash) {
    return MessageDigest.isEqual(
        expectedHash.getBytes(StandardCharsets.US_ASCII),
        actualHash.getBytes(StandardCharsets.US_ASCII));
  }

  private static String randomUrlSafe(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
