package io.airtix.live.caller;

/**
 * A token or pass that does not let its bearer in: forged, expired, revoked or for another service.
 */
public final class CallerRefusedException extends RuntimeException {

  public CallerRefusedException(String reason) {
    super(reason);
  }
}
