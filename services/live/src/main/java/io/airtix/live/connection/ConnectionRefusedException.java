package io.airtix.live.connection;

/** The instance takes no more connections (its configured limit): 503, try again. */
public final class ConnectionRefusedException extends RuntimeException {

  public ConnectionRefusedException(String detail) {
    super(detail);
  }
}
