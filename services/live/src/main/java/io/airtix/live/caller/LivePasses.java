package io.airtix.live.caller;

import io.airtix.platform.denylist.DenyList;
import io.airtix.platform.security.AirtixPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passes: what a browser puts in the address of an EventSource or a WebSocket, which cannot carry
 * an {@code Authorization} header, instead of its access token. A pass is the checked caller sealed
 * with AES-GCM under a key the live instances share: it opens on any instance, reveals nothing of
 * its holder to whoever logs the address, cannot be altered, and lets in only until the token it
 * was made from expires, and not once the deny-list refuses that token. It opens no API: only the
 * live streams read it.
 */
public final class LivePasses {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] CONTEXT = "airtix-live-pass-1".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;
  private final DenyList denyList;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * @param issuedAt the token's {@code iat}; null, like the token's, counts as issued before any
   *     ban
   */
  record Sealed(AirtixPrincipal principal, @Nullable Instant issuedAt, Instant expiresAt) {}

  /** A pass and the moment it stops letting anyone in. */
  public record Pass(String pass, Instant expiresAt) {}

  public LivePasses(byte[] key, DenyList denyList, Clock clock) {
    if (key.length != 32) {
      throw new IllegalArgumentException("A pass key has 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(key, "AES");
    this.denyList = denyList;
    this.clock = clock;
  }

  /** A pass for a caller whose token was just checked. */
  public Pass issue(Caller caller) {
    byte[] plain =
        json.writeValueAsBytes(new Sealed(caller.person(), caller.issuedAt(), caller.expiresAt()));
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(CONTEXT);
      byte[] sealed = cipher.doFinal(plain);
      byte[] pass = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, pass, 0, nonce.length);
      System.arraycopy(sealed, 0, pass, nonce.length, sealed.length);
      return new Pass(
          Base64.getUrlEncoder().withoutPadding().encodeToString(pass), caller.expiresAt());
    } catch (GeneralSecurityException impossible) {
      // AES-GCM is part of every JDK
      throw new IllegalStateException(impossible);
    }
  }

  /** The caller a pass stands for, if it still lets them in. */
  public Caller open(String pass) {
    Sealed sealed = unseal(pass);
    if (!clock.instant().isBefore(sealed.expiresAt())) {
      throw new CallerRefusedException("The pass has expired; ask for a new one");
    }
    AirtixPrincipal principal = sealed.principal();
    if (denyList.denies(principal.userId(), principal.sessionId(), sealed.issuedAt())) {
      throw new CallerRefusedException("The pass was revoked (signed out or banned)");
    }
    return new Caller(principal, sealed.issuedAt(), sealed.expiresAt());
  }

  private Sealed unseal(String pass) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(pass);
      if (bytes.length <= NONCE_BYTES) {
        throw new CallerRefusedException("The pass is no pass of this service");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(CONTEXT);
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return json.readValue(plain, Sealed.class);
    } catch (IllegalArgumentException | GeneralSecurityException | JacksonException forged) {
      throw new CallerRefusedException("The pass is no pass of this service");
    }
  }
}
