package io.airtix.platform.problem;

import java.io.IOException;

/**
 * A request body grew past its limit while it was being read: the reader stops there, and the
 * request is answered 413.
 */
public class BodyTooLargeException extends IOException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
