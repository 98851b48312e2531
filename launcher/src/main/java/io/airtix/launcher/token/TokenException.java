package io.airtix.launcher.token;

/** No token could be had; the message tells the person at the terminal what to do about it. */
final class TokenException extends RuntimeException {

  TokenException(String message) {
    super(message);
  }
}
