package io.airtix.live.caller;

import io.airtix.platform.security.AirtixPrincipal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who is on the other end of a connection: nobody in particular (the public catalogue only), or a
 * person whose access token was checked, directly or through a pass.
 *
 * @param principal null for an anonymous caller
 * @param issuedAt the token's {@code iat}, for the deny-list
 * @param expiresAt the token's {@code exp}: the connection ends then unless renewed
 */
public record Caller(
    @Nullable AirtixPrincipal principal, @Nullable Instant issuedAt, @Nullable Instant expiresAt) {

  public static final Caller ANONYMOUS = new Caller(null, null, null);

  public Caller {
    if (principal != null) {
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  public boolean anonymous() {
    return principal == null;
  }

  /** The principal of a signed-in caller; never call it on {@link #ANONYMOUS}. */
  public AirtixPrincipal person() {
    if (principal == null) {
      throw new IllegalStateException("An anonymous caller has no principal");
    }
    return principal;
  }
}
