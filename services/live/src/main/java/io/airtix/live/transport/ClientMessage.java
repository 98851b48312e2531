package io.airtix.live.transport;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends over a WebSocket: {@code subscribe} (channels, filters, and the position to
 * resume after) or {@code authenticate} (a fresh access token, to sign in or stay connected past
 * the old one's expiry).
 */
record ClientMessage(
    String type,
    @Nullable String token,
    @Nullable List<String> channels,
    @Nullable List<String> airline,
    @Nullable List<String> ticket,
    @Nullable List<String> route,
    @Nullable List<String> date,
    @Nullable String after) {

  static final String SUBSCRIBE = "subscribe";
  static final String AUTHENTICATE = "authenticate";

  static List<String> orNone(@Nullable List<String> values) {
    return values == null ? List.of() : values;
  }
}
