package io.airtix.live.transport;

import io.airtix.live.caller.Caller;
import io.airtix.live.caller.CallerRefusedException;
import io.airtix.live.caller.Callers;
import io.airtix.live.caller.LivePasses;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Who opens a stream or a socket: the bearer of an {@code Authorization} header (curl, servers, the
 * JDK's clients), the holder of a pass in the address (browsers), or nobody in particular.
 */
final class Handshake {

  private final Callers callers;
  private final LivePasses passes;

  Handshake(Callers callers, LivePasses passes) {
    this.callers = callers;
    this.passes = passes;
  }

  /**
   * @throws CallerRefusedException when a token or pass is given and does not let its bearer in: a
   *     connection never falls back to anonymous on a bad credential
   */
  Caller caller(@Nullable String authorization, @Nullable String pass) {
    String token = Callers.bearer(authorization);
    if (token != null && pass != null) {
      throw new CallerRefusedException("Give a token or a pass, not both");
    }
    if (token != null) {
      return callers.fromToken(token);
    }
    if (pass != null) {
      return passes.open(pass);
    }
    return Caller.ANONYMOUS;
  }

  /**
   * Query parameters outside {@code allowed}, to refuse a misspelt filter rather than ignore it.
   */
  static Set<String> unknown(MultiValueMap<String, String> query, Set<String> allowed) {
    Set<String> unknown = new TreeSet<>(query.keySet());
    unknown.removeAll(allowed);
    return unknown;
  }
}
