package io.airtix.platform.messaging;

/**
 * A message that is not an Airtix event envelope, or names a type nobody knows: retrying cannot
 * help.
 */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
